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
        public const string Invalid = "invalid";
    }

    /// <summary>Values of <see cref="Result"/> on <see cref="MetricNames.HealthChecks"/>.</summary>
    public static class HealthResults
    {
        public const string Healthy = "healthy";
        public const string Unhealthy = "unhealthy";
        public const string Unreachable = "unreachable";
    }
}
