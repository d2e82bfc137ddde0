namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// LiveKit mode: what the agent's MediaHost leg does about answering-machine detection on the calls we place
/// (Outbound:AmdAction). Direct mode's MediaHost has its own setting (its Outbound:AmdAction), as it dials itself.
/// </summary>
public enum OutboundAmdAction
{
    /// <summary>No detection: the agent speaks as soon as it is in the call.</summary>
    Off,

    /// <summary>Detect; a machine is hung up on, a person gets the agent.</summary>
    HangUp,

    /// <summary>Detect; on a machine wait for its beep, then the agent leaves a message.</summary>
    LeaveMessage,
}
