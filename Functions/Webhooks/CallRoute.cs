using VoiceFunctions.Functions.Orchestrations;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// What a webhook means for a call: start its orchestration if it is not running yet
/// (<see cref="StartIfMissing"/>), and/or raise <see cref="Event"/> into it. <see cref="Direct"/>: the call
/// reached the MediaHost without LiveKit (see <see cref="CallStart.Direct"/>).
/// </summary>
public sealed record CallRoute(string CallId, string RoomName, DateTimeOffset OccurredAt, bool StartIfMissing, CallerInfo? Caller, CallEvent? Event, bool Direct = false);
