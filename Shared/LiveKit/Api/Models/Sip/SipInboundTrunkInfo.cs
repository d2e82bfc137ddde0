namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An inbound SIP trunk (livekit.SIPInboundTrunkInfo): which provider calls LiveKit accepts, for which numbers.</summary>
public sealed class SipInboundTrunkInfo
{
    /// <summary>"ST_…"; must be empty on create.</summary>
    public string SipTrunkId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Metadata { get; set; } = "";

    /// <summary>Called numbers served; empty = the wildcard (default) trunk.</summary>
    public List<string> Numbers { get; set; } = [];

    /// <summary>IPs, CIDRs or hosts the INVITE may come from; empty = any.</summary>
    public List<string> AllowedAddresses { get; set; } = [];

    /// <summary>Caller numbers allowed; empty = any.</summary>
    public List<string> AllowedNumbers { get; set; } = [];

    public string AuthUsername { get; set; } = "";

    /// <summary>Secret: never logged.</summary>
    public string AuthPassword { get; set; } = "";

    public string AuthRealm { get; set; } = "";

    public Dictionary<string, string> Headers { get; set; } = [];

    public Dictionary<string, string> HeadersToAttributes { get; set; } = [];

    public Dictionary<string, string> AttributesToHeaders { get; set; } = [];

    public SipHeaderOptions IncludeHeaders { get; set; }

    public TimeSpan? RingingTimeout { get; set; }

    public TimeSpan? MaxCallDuration { get; set; }

    public bool KrispEnabled { get; set; }

    public SipMediaEncryption MediaEncryption { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public SipMediaConfig? Media { get; set; }
}
