namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.GetSIPInboundTrunk.</summary>
public sealed class GetSipInboundTrunkRequest
{
    public string SipTrunkId { get; set; } = "";
}
