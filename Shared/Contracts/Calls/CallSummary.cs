using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Shared.Calls;

/// <summary>The short form of a call shown in the day list (the day index holds exactly this).</summary>
public sealed record CallSummary(
    string CallId,
    string RoomName,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    CallOutcome Outcome,
    CallEndReason EndReason,
    string? CallerNumber,
    int? AgentAnswerLatencyMs,
    CallDirection Direction);
