namespace VoiceFunctions.Shared.Observability;

/// <summary>
/// Names of structured log fields that tooling relies on: the call scope on every line of a call, and the
/// per-turn latency field the p95 voice-to-voice alert reads (Application Insights keeps histograms without
/// buckets, so the percentile comes from the log line; see infra/alerts.bicep).
/// </summary>
public static class TelemetryFields
{
    public const string CallId = "CallId";
    public const string Room = "Room";
    public const string TraceId = "TraceId";

    /// <summary>Milliseconds from the end of caller speech to the first agent audio; one log line per turn.</summary>
    public const string VoiceToVoiceMs = "VoiceToVoiceMs";
}
