using VoiceFunctions.Shared.Calls.Timeline;

namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// GET /api/calls/{callId}: the record, its derived latencies in plain numbers, its turns, oldest first, and its
/// timeline (webhooks, orchestration steps, the MediaHost's events and SIP messages, turns), oldest first.
/// </summary>
public sealed record CallDetailsResponse(CallRecord Record, double? AgentAnswerLatencyMs, double? DurationSeconds, IReadOnlyList<CallTurn> Turns)
{
    /// <summary>Absent (null) from a control plane older than the timeline.</summary>
    public IReadOnlyList<CallTimelineEntry>? Timeline { get; init; }

    public static CallDetailsResponse From(CallDetails details) => new(
        details.Record,
        details.Record.AgentAnswerLatency?.TotalMilliseconds,
        details.Record.Duration?.TotalSeconds,
        details.Turns)
    {
        Timeline = details.Timeline,
    };
}
