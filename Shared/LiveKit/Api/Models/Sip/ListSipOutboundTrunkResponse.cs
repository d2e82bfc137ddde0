namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.ListSIPOutboundTrunk response.</summary>
public sealed class ListSipOutboundTrunkResponse
{
    public List<SipOutboundTrunkInfo> Items { get; set; } = [];
}
