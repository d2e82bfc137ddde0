namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.GetSIPOutboundTrunk response.</summary>
public sealed class GetSipOutboundTrunkResponse
{
    public SipOutboundTrunkInfo? Trunk { get; set; }
}
