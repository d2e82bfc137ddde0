namespace VoiceFunctions.Functions.Outbound;

/// <summary>How an outbound call reaches the callee.</summary>
public enum OutboundMode
{
    /// <summary>LiveKit SIP dials the callee into the call's room (CreateSIPParticipant on the carrier trunk); the agent is dispatched as for an inbound call.</summary>
    LiveKit,

    /// <summary>The MediaHost dials the callee through its own trunk and runs the agent on the answered call.</summary>
    Direct,
}
