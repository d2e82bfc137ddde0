namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>The deprecated trunk shape that SIP.DeleteSIPTrunk still returns; only the id and name are read.</summary>
public sealed class SipTrunkInfo
{
    public string SipTrunkId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Metadata { get; set; } = "";
}
