using System.ComponentModel;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;

[Description("Call recording for an agent's calls.")]
public sealed class AgentRecording : ConfigObject
{
    [ConfigKey("enabled"), Description("Record the agent's calls. Default false.")]
    public bool Enabled { get; set; }

    [ConfigKey("consent_phrase"), Description("Said before the greeting when recording, e.g. 'This call is recorded.'. Empty: no announcement.")]
    public Located<string>? ConsentPhrase { get; set; }
}
