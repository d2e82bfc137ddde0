namespace VoiceFunctions.Shared.Calls;

/// <summary>A page of the day list, newest first. <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record CallPage(IReadOnlyList<CallSummary> Calls, string? ContinuationToken);
