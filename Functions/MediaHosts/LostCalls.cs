using VoiceFunctions.Shared.MediaHosts;

namespace VoiceFunctions.Functions.MediaHosts;

/// <summary>The calls of a MediaHost presumed lost, and why (the activity input of <see cref="RecordLostCallsActivity"/>).</summary>
public sealed record LostCalls(string HostId, IReadOnlyList<MediaHostCall> Calls, string Why);
