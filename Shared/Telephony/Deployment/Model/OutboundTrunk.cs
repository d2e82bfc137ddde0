using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

[Description("An outbound trunk (LiveKit SIPOutboundTrunkInfo).")]
public sealed class OutboundTrunk : ConfigObject
{
    [ConfigKey("name"), Required, Description("Unique name; plan and apply match remote trunks to this one by name.")]
    public Located<string>? Name { get; set; }

    [ConfigKey("address"), Required, Description("host or host:port the bridge sends INVITEs to, without a sip: prefix.")]
    public Located<string>? Address { get; set; }

    [ConfigKey("transport"), Description("SIP transport: auto (default), udp, tcp or tls.")]
    public SipTransport Transport { get; set; } = SipTransport.Auto;

    [ConfigKey("media_encryption"), Description("SRTP media (SDES): off (default, plain RTP), allowed (SRTP when the far end agrees) or required (SRTP or no call). LiveKit's trunk media_encryption; pair allowed/required with SIP over TLS.")]
    public MediaEncryptionSetting MediaEncryption { get; set; } = MediaEncryptionSetting.Off;

    [ConfigKey("numbers"), Description("Caller (From) numbers; LiveKit picks one at random when the call names none.")]
    public List<Located<string>> Numbers { get; set; } = [];

    [ConfigKey("auth"), Description("Digest credentials for the far end's 401/407 challenges.")]
    public DigestAuth? Auth { get; set; }

    [ConfigKey("destination_country"), Description("ISO 3166 alpha-2 country of the destination, e.g. RU.")]
    public string? DestinationCountry { get; set; }

    [ConfigKey("headers"), Description("Extra headers sent in the INVITE.")]
    public Dictionary<string, string> Headers { get; set; } = [];

    [ConfigKey("metadata"), Description("Opaque metadata stored with the trunk.")]
    public string? Metadata { get; set; }
}
