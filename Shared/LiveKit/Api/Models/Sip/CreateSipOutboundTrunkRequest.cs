namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.CreateSIPOutboundTrunk.</summary>
public sealed class CreateSipOutboundTrunkRequest
{
    public SipOutboundTrunkInfo? Trunk { get; set; }
}
