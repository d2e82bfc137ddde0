using System.ComponentModel;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;

[Description("The providers an agent uses, each by a name listed under agents.providers (or a built-in one). A stage left out is inherited.")]
public sealed class AgentProviderChoice : ConfigObject
{
    [ConfigKey("stt"), Description("Speech-to-text provider name.")]
    public Located<string>? Stt { get; set; }

    [ConfigKey("llm"), Description("Language model provider name.")]
    public Located<string>? Llm { get; set; }

    [ConfigKey("tts"), Description("Text-to-speech provider name.")]
    public Located<string>? Tts { get; set; }
}
