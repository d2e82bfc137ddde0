using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>The output of <see cref="CallOrchestrator"/>: how the call ended.</summary>
public sealed record CallResult(CallOutcome Outcome, CallEndReason EndReason, string ReasonText, int DispatchAttempts, DateTimeOffset? AnsweredAt, DateTimeOffset EndedAt);
