namespace VoiceFunctions.Shared.Observability;

/// <summary>Names of the LiveKit API metrics (System.Diagnostics.Metrics), which health checks and dashboards read.</summary>
public static class LiveKitMetricNames
{
    public const string Meter = "VoiceFunctions.LiveKit";

    /// <summary>Histogram, seconds: one measurement per attempt of a LiveKit API call (retries count separately).</summary>
    public const string ApiDuration = MetricNames.LiveKitApiDuration;

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
