using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;

[Description("An HTTP header whose value is a secret, written as an environment-variable reference.")]
public sealed class SecretHeader : ConfigObject
{
    [ConfigKey("name"), Required, Description("Header name, e.g. Authorization.")]
    public Located<string>? Name { get; set; }

    [ConfigKey("value"), Required, Description("${NAME} of the environment variable holding the value.")]
    public SecretReference? Value { get; set; }
}
