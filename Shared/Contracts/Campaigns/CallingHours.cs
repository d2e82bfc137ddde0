namespace VoiceFunctions.Shared.Campaigns;

/// <summary>
/// The local times of day ("HH:mm", 24-hour) between which a call may start, in the callee's time zone. A window
/// whose end is before its start runs over midnight ("20:00"-"08:00"). Calls already started run to their end.
/// </summary>
public sealed record CallingHours(string? Start, string? End);
