using VoiceFunctions.Functions.Orchestrations;

namespace VoiceFunctions.Functions.Activities;

/// <summary>What <see cref="OpenCallActivity"/> found: the kept events in the order they occurred, and whether it wrote the record.</summary>
public sealed record OpenCallResult(IReadOnlyList<CallEvent> Early, bool Recorded);
