using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>The custom status of a call's orchestration.</summary>
public sealed record CallStatus(CallPhase Phase, int DispatchAttempt, int Turns, CallOutcome Outcome, string? Reason);
