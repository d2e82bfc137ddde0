using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;

[Description("A place the agent may transfer the caller to.")]
public sealed class AgentTransferTarget : ConfigObject
{
    [ConfigKey("name"), Required, Description("Name of the target, e.g. 'operator' or 'billing'.")]
    public Located<string>? Name { get; set; }

    [ConfigKey("uri"), Required, Description("sip:, sips: or tel: URI the REFER points at.")]
    public Located<string>? Uri { get; set; }
}
