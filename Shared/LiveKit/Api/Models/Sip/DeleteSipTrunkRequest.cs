namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>SIP.DeleteSIPTrunk (inbound or outbound).</summary>
public sealed class DeleteSipTrunkRequest
{
    public string SipTrunkId { get; set; } = "";
}
