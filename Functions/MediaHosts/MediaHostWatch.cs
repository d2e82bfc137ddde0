using VoiceFunctions.Shared.MediaHosts;

namespace VoiceFunctions.Functions.MediaHosts;

/// <summary>What <see cref="MediaHostMonitor"/> knows of one MediaHost: its last heartbeat (carried across ContinueAsNew).</summary>
public sealed record MediaHostWatch(MediaHostHeartbeat Last);
