using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Shared.Calls;

/// <summary>The short form of a call shown in the day list (the day index holds exactly this).</summary>
/// <param name="RemoteNumber">The other party: the caller of an inbound call, the callee of a call we placed (whose
/// <paramref name="CallerNumber"/> is our own caller ID).</param>
public sealed record CallSummary(
    string CallId,
    string RoomName,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    CallOutcome Outcome,
    CallEndReason EndReason,
    string? CallerNumber,
    int? AgentAnswerLatencyMs,
    CallDirection Direction,
    string? RemoteNumber = null);
