namespace VoiceFunctions.Shared.Observability;

/// <summary>Tag (attribute) names and the fixed values the alert rules filter on.</summary>
public static class MetricTags
{
    public const string Plane = "plane";
    public const string Direction = "direction";
    public const string Outcome = "outcome";
    public const string Reason = "reason";
    public const string Event = "event";
    public const string Result = "result";
    public const string Method = "method";
    public const string StatusCode = "status_code";
    public const string Error = "error";
    public const string Provider = "provider";
    public const string Codec = "codec";
    public const string Target = "target";
    public const string Interrupted = "interrupted";

    /// <summary>Values of <see cref="Plane"/>.</summary>
    public static class Planes
    {
        public const string ControlPlane = "control";
        public const string MediaHost = "media";
    }

    /// <summary>Values of <see cref="Result"/> on <see cref="MetricNames.WebhookReceived"/>.</summary>
    public static class WebhookResults
    {
        public const string Accepted = "accepted";
        public const string Duplicate = "duplicate";
        /// <summary>Signature, key or checksum problem (HTTP 401); the webhook alert watches its rate.</summary>
        public const string Unauthorized = "unauthorized";
        /// <summary>Malformed token, body or event (HTTP 400).</summary>
        public const string BadRequest = "bad_request";
        /// <summary>Body over the size limit (HTTP 413).</summary>
        public const string TooLarge = "too_large";
        /// <summary>Verified, but not about a call this system handles.</summary>
        public const string Ignored = "ignored";
        /// <summary>Verified, but could not be delivered to the call (HTTP 503, LiveKit retries).</summary>
        public const string Failed = "failed";
    }

    /// <summary>Values of <see cref="Result"/> on <see cref="MetricNames.HealthChecks"/>.</summary>
    public static class HealthResults
    {
        public const string Healthy = "healthy";
        /// <summary>Working but slow, or not set up as expected.</summary>
        public const string Degraded = "degraded";
        /// <summary>Failed or did not answer in time.</summary>
        public const string Down = "down";
    }
}
