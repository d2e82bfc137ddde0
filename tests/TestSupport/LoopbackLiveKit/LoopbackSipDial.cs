using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// A CreateSIPParticipant the loopback server accepted, handed to the test's dial hook: the request, the
/// outbound trunk it goes through (address, numbers, credentials) and the participant already in the room.
/// </summary>
public sealed record LoopbackSipDial(CreateSipParticipantRequest Request, SipOutboundTrunkInfo Trunk, SipParticipantInfo Participant)
{
    /// <summary>Where a real bridge would send the INVITE: sip:&lt;sipCallTo&gt;@&lt;trunk address&gt;.</summary>
    public string RequestUri => $"sip:{Request.SipCallTo}@{Trunk.Address}";
}
