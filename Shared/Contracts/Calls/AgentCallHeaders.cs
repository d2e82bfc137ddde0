namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// SIP headers that tie the agent's leg to its call. In LiveKit mode the control plane asks LiveKit SIP to
/// call the MediaHost (CreateSIPParticipant) with these in the request's <c>headers</c>; LiveKit SIP puts them
/// on the INVITE, so the MediaHost reports its events under the room's call id instead of an id made from
/// its own SIP Call-ID (which the control plane has never seen).
/// </summary>
public static class AgentCallHeaders
{
    /// <summary>The control plane's call id (see <see cref="CallIds"/>).</summary>
    public const string CallId = "X-VoiceFunctions-Call-Id";

    /// <summary>The LiveKit room of the call (informational: logs and the call timeline).</summary>
    public const string Room = "X-VoiceFunctions-Room";

    /// <summary>
    /// True when <paramref name="value"/> can be a call id: non-empty, at most <see cref="CallIds.MaxLength"/>
    /// characters, and unchanged by <see cref="CallIds.FromRoomName"/> (nothing an instance id or table key may not hold).
    /// </summary>
    public static bool IsValidCallId(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= CallIds.MaxLength && CallIds.FromRoomName(value) == value;
}
