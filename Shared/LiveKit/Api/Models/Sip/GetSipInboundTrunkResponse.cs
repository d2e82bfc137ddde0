namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.GetSIPInboundTrunk response.</summary>
public sealed class GetSipInboundTrunkResponse
{
    public SipInboundTrunkInfo? Trunk { get; set; }
}
