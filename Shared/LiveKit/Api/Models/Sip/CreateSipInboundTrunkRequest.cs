namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.CreateSIPInboundTrunk.</summary>
public sealed class CreateSipInboundTrunkRequest
{
    public SipInboundTrunkInfo? Trunk { get; set; }
}
