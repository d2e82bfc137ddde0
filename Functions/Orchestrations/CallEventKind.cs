namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>What happened in a call, as raised into its orchestration (from LiveKit webhooks or the MediaHost).</summary>
public enum CallEventKind
{
    /// <summary>The SIP caller joined the room (carries the caller's numbers and trunk).</summary>
    CallerJoined,
    /// <summary>The agent's audio is in the room: LiveKit agent joined, SIP agent leg active, or the MediaHost said "answered".</summary>
    AgentAnswered,
    /// <summary>The caller left the room (hung up).</summary>
    CallerLeft,
    /// <summary>The agent left the room or hung up.</summary>
    AgentLeft,
    /// <summary>LiveKit closed the room.</summary>
    RoomFinished,
    /// <summary>The MediaHost finished a turn (stored in the history by the AgentEvents function).</summary>
    Turn,
    /// <summary>The agent transferred the caller to a human.</summary>
    Transferred,
    /// <summary>The MediaHost reported an error.</summary>
    AgentError,
    /// <summary>LiveKit reported on the room's recording (egress_started / egress_updated / egress_ended); carries the recording.</summary>
    RecordingUpdated,
    /// <summary>
    /// LiveKit mode: the agent asks for the caller to be transferred (carries the target). The control plane does it with
    /// TransferSIPParticipant on the caller's SIP participant; the MediaHost's own leg is not the caller's.
    /// </summary>
    TransferRequested,
    /// <summary>
    /// Direct mode: the MediaHost reported on a call in progress without changing it (its periodic quality report):
    /// a sign of life that restarts the silence timeout, nothing to apply.
    /// </summary>
    MediaHostAlive,
    /// <summary>Direct mode: the MediaHost carrying the call stopped its heartbeat (or restarted without it); carries why.</summary>
    MediaHostLost,
}
