namespace VoiceFunctions.Shared.Calls;

/// <summary>GET /api/calls: a day's calls, newest first; <see cref="Continuation"/> is null on the last page.</summary>
public sealed record CallListResponse(string Day, IReadOnlyList<CallSummary> Calls, string? Continuation);
