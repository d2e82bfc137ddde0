namespace VoiceFunctions.Shared.Calls;

/// <summary>A call record with its turns, oldest turn first.</summary>
public sealed record CallDetails(CallRecord Record, IReadOnlyList<CallTurn> Turns);
