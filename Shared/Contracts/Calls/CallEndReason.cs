namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// Why a call ended. One value per call, written to the call record by the control plane and
/// reported by the MediaHost; the SIP status (when there is one) travels beside it.
/// </summary>
public enum CallEndReason
{
    /// <summary>Not ended yet, or the reason was never learned.</summary>
    Unknown = 0,
    /// <summary>The caller hung up (BYE from the caller, or the caller left the room).</summary>
    CallerHangUp,
    /// <summary>The agent ended the call on purpose (end_call tool, polite hang-up after silence).</summary>
    AgentHangUp,
    /// <summary>The call was transferred to a human (REFER / TransferSIPParticipant).</summary>
    Transferred,
    /// <summary>The caller cancelled before the call was answered.</summary>
    CancelledBeforeAnswer,
    /// <summary>The call was refused (policy, capacity, no codec, not found).</summary>
    Rejected,
    /// <summary>No RTP arrived for the configured media timeout.</summary>
    MediaTimeout,
    /// <summary>The maximum call duration was reached.</summary>
    MaxDuration,
    /// <summary>The agent never answered; the fallback ran.</summary>
    AgentUnavailable,
    /// <summary>The room was closed by LiveKit (room_finished) or removed by an operator.</summary>
    RoomClosed,
    /// <summary>The MediaHost is shutting down and drained the call.</summary>
    Shutdown,
    /// <summary>A failure in the media path, a provider or the control plane ended the call.</summary>
    Error,
    /// <summary>
    /// Direct mode: the MediaHost carrying the call stopped reporting (killed, crashed, cut off) and the control plane
    /// closed the call after its silence timeout. Appended last: stored values keep their numbers.
    /// </summary>
    MediaHostLost,
    /// <summary>
    /// The MediaHost hung up a live call because the control plane answered one of its events with CallAlreadyFinished
    /// (e.g. a callee who answered after the dial was settled as not answered). Appended last: stored values keep their numbers.
    /// </summary>
    ControlPlaneFinished,
}
