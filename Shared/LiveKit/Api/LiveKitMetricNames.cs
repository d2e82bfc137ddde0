namespace VoiceFunctions.Shared.Observability;

/// <summary>
/// Names of the LiveKit API metrics (System.Diagnostics.Metrics), which health checks and dashboards read. They
/// live with the LiveKit client that records them, so the client needs nothing else of ours; the application's
/// list of every metric (MetricNames) names these same ones.
/// </summary>
public static class LiveKitMetricNames
{
    public const string Meter = "VoiceFunctions.LiveKit";

    /// <summary>Counter {request}: one per attempt of a LiveKit API call. Tags: <see cref="MethodTag"/>, <see cref="OutcomeTag"/>.</summary>
    public const string ApiRequests = "voicefunctions.livekit.api.requests";

    /// <summary>Counter {error}: attempts that failed. Tags: <see cref="MethodTag"/>, <see cref="OutcomeTag"/> (Twirp code or transport).</summary>
    public const string ApiErrors = "voicefunctions.livekit.api.errors";

    /// <summary>Histogram, seconds: one measurement per attempt of a LiveKit API call (retries count separately).</summary>
    public const string ApiDuration = "voicefunctions.livekit.api.duration";

    /// <summary>Tag: "Service/Method", e.g. "SIP/CreateSIPParticipant".</summary>
    public const string MethodTag = "livekit.method";

    /// <summary>
    /// Tag: "success", a Twirp code ("unavailable", "not_found", …), "connection_error", "timeout",
    /// "canceled" or "invalid_response".
    /// </summary>
    public const string OutcomeTag = "livekit.outcome";

    /// <summary>Tag: 1 for the first attempt, 2 for the first retry, …</summary>
    public const string AttemptTag = "livekit.attempt";
}
