namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.GetSIPOutboundTrunk.</summary>
public sealed class GetSipOutboundTrunkRequest
{
    public string SipTrunkId { get; set; } = "";
}
