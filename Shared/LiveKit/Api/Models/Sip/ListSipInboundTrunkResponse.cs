namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.ListSIPInboundTrunk response.</summary>
public sealed class ListSipInboundTrunkResponse
{
    public List<SipInboundTrunkInfo> Items { get; set; } = [];
}
