using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model;

[Description("SIP digest credentials, as environment-variable references.")]
public sealed class DigestAuth : ConfigObject
{
    [ConfigKey("username"), Required, Description("Reference to the variable holding the SIP user name, e.g. ${NOVOFON_SIP_USER}.")]
    public SecretReference? Username { get; set; }

    [ConfigKey("password"), Required, Description("Reference to the variable holding the SIP password, e.g. ${NOVOFON_SIP_PASSWORD}.")]
    public SecretReference? Password { get; set; }

    [ConfigKey("realm"), Description("Digest realm the bridge announces (inbound only; LiveKit's default is \"LiveKit\").")]
    public string? Realm { get; set; }
}
