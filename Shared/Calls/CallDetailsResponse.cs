namespace VoiceFunctions.Shared.Calls;

/// <summary>GET /api/calls/{callId}: the record, its derived latencies in plain numbers, and its turns, oldest first.</summary>
public sealed record CallDetailsResponse(CallRecord Record, double? AgentAnswerLatencyMs, double? DurationSeconds, IReadOnlyList<CallTurn> Turns)
{
    public static CallDetailsResponse From(CallDetails details) => new(
        details.Record,
        details.Record.AgentAnswerLatency?.TotalMilliseconds,
        details.Record.Duration?.TotalSeconds,
        details.Turns);
}
