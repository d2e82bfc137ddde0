using VoiceFunctions.Functions.Orchestrations;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// What a webhook means for a call: start its orchestration if it is not running yet
/// (<see cref="StartIfMissing"/>), and/or raise <see cref="Event"/> into it. <see cref="Direct"/>: the call
/// reached the MediaHost without LiveKit (see <see cref="CallStart.Direct"/>). <see cref="KeepUntilStarted"/>: an event
/// that starts nothing but must not be lost when the call's orchestration is about to start (a callee of a call we
/// placed leaving before its answer's start ran): kept for it instead of dropped.
/// </summary>
public sealed record CallRoute(string CallId, string RoomName, DateTimeOffset OccurredAt, bool StartIfMissing, CallerInfo? Caller, CallEvent? Event, bool Direct = false,
    bool KeepUntilStarted = false);
