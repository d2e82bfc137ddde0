namespace VoiceFunctions.MediaHost.Outbound.Amd;

/// <summary>What an outbound call does about answering-machine detection (Outbound:AmdAction).</summary>
public enum AmdAction
{
    /// <summary>No detection: the agent starts as soon as the callee answers.</summary>
    Off,

    /// <summary>Detect; a machine is hung up on (the dial result says so), a person gets the agent.</summary>
    HangUp,

    /// <summary>Detect; on a machine wait for its beep (at most 30 s), then hand the call to the agent to leave a message.</summary>
    LeaveMessage,
}
