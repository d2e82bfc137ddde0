using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

[Description("An inbound trunk (LiveKit SIPInboundTrunkInfo).")]
public sealed class InboundTrunk : ConfigObject
{
    [ConfigKey("name"), Required, Description("Unique name; plan and apply match remote trunks to this one by name.")]
    public Located<string>? Name { get; set; }

    [ConfigKey("numbers"), Description("Called numbers this trunk serves (E.164; Russian 8/7 forms are normalised). Empty = the default trunk for any number.")]
    public List<Located<string>> Numbers { get; set; } = [];

    [ConfigKey("allowed_addresses"), Description("Provider IP addresses, CIDRs or host names allowed to send INVITEs. Empty = anyone.")]
    public List<Located<string>> AllowedAddresses { get; set; } = [];

    [ConfigKey("allowed_numbers"), Description("Caller numbers allowed on this trunk. Empty = any caller.")]
    public List<Located<string>> AllowedNumbers { get; set; } = [];

    [ConfigKey("auth"), Description("Digest credentials the provider must send (LiveKit answers 407 and expects Proxy-Authorization).")]
    public DigestAuth? Auth { get; set; }

    [ConfigKey("headers_to_attributes"), Description("INVITE header name -> participant attribute name.")]
    public Dictionary<string, string> HeadersToAttributes { get; set; } = [];

    [ConfigKey("media_encryption"), Description("SRTP media (SDES): off (default, plain RTP), allowed (SRTP when the far end agrees) or required (SRTP or no call). LiveKit's trunk media_encryption; pair allowed/required with SIP over TLS.")]
    public MediaEncryptionSetting MediaEncryption { get; set; } = MediaEncryptionSetting.Off;

    [ConfigKey("krisp"), Description("Krisp noise cancellation on this trunk's calls.")]
    public bool Krisp { get; set; }

    [ConfigKey("metadata"), Description("Opaque metadata stored with the trunk.")]
    public string? Metadata { get; set; }
}
