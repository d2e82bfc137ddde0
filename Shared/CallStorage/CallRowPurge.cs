namespace VoiceFunctions.Shared.Calls;

/// <summary>What one purge of old call rows did.</summary>
/// <param name="Calls">Calls whose rows (record, turns, timeline, long texts) and day-index entry were deleted.</param>
/// <param name="Rows">Table rows deleted in all, index entries included.</param>
/// <param name="OpenKept">Calls past the cutoff still marked in progress, kept for reconciliation to close first.</param>
public sealed record CallRowPurge(int Calls, int Rows, int OpenKept);
