using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;

[Description("A per-call variable an agent's prompt or greeting uses as {{name}}.")]
public sealed class AgentVariable : ConfigObject
{
    [ConfigKey("name"), Required, Description("Letters, digits and _; the key given in POST /api/calls variables.")]
    public Located<string>? Name { get; set; }

    [ConfigKey("default"), Description("Used when the call does not give the variable. Without one the placeholder is left out of the text.")]
    public string? Default { get; set; }
}
