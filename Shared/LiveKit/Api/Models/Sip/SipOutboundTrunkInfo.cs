namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An outbound SIP trunk (livekit.SIPOutboundTrunkInfo): where CreateSIPParticipant sends its INVITE.</summary>
public sealed class SipOutboundTrunkInfo
{
    /// <summary>"ST_…"; must be empty on create.</summary>
    public string SipTrunkId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Metadata { get; set; } = "";

    /// <summary>host or host:port, without "sip:".</summary>
    public string Address { get; set; } = "";

    public string DestinationCountry { get; set; } = "";

    public SipTransport Transport { get; set; }

    /// <summary>From numbers; one is picked when the call names none.</summary>
    public List<string> Numbers { get; set; } = [];

    public string AuthUsername { get; set; } = "";

    /// <summary>Secret: never logged.</summary>
    public string AuthPassword { get; set; } = "";

    public Dictionary<string, string> Headers { get; set; } = [];

    public Dictionary<string, string> HeadersToAttributes { get; set; } = [];

    public Dictionary<string, string> AttributesToHeaders { get; set; } = [];

    public SipHeaderOptions IncludeHeaders { get; set; }

    public SipMediaEncryption MediaEncryption { get; set; }

    public string FromHost { get; set; } = "";

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public SipMediaConfig? Media { get; set; }
}
