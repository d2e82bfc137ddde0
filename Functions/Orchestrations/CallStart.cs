namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>The input of <see cref="CallOrchestrator"/>.</summary>
/// <param name="CallId">The call id, also the orchestration instance id (derived from the room name).</param>
/// <param name="RoomName">The LiveKit room of the call.</param>
/// <param name="StartedAt">When the call began (the webhook's time).</param>
/// <param name="Caller">The caller, when the call was started by the caller joining; null when started by room_started.</param>
/// <param name="Settings">The call policy.</param>
/// <param name="Direct">Direct mode: the MediaHost answered the caller itself (no LiveKit room): nothing is
/// dispatched, the call counts as answered at <paramref name="StartedAt"/>, and nothing is ended in LiveKit.</param>
public sealed record CallStart(string CallId, string RoomName, DateTimeOffset StartedAt, CallerInfo? Caller, CallSettings Settings, bool Direct = false);
