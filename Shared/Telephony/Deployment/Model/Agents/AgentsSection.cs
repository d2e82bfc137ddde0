using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;

/// <summary>voice.yaml's agents: the default agent, one profile per group of numbers, and what profiles may choose from.</summary>
[Description("The agents the MediaHost runs: a default agent, per-number profiles that inherit from it, and the providers and tools they choose from.")]
public sealed class AgentsSection : ConfigObject
{
    [ConfigKey("default"), Required, Description("The default agent: answers every number without a profile; each profile inherits what it does not set from it.")]
    public AgentProfile? Default { get; set; }

    [ConfigKey("profiles"), Description("Per-number agents. Each number may belong to one profile only.")]
    public List<AgentProfile> Profiles { get; set; } = [];

    [ConfigKey("providers"), Description("Names of the providers configured on the MediaHost that profiles may choose. Default: the built-in ones (stt pocketsphinx, openai; llm scripted, openai; tts espeak, openai).")]
    public AgentProviderNames? Providers { get; set; }

    [ConfigKey("tools"), Description("HTTP tools profiles may offer their model, besides the built-in end_call, transfer_to_human and send_dtmf.")]
    public List<AgentHttpTool> Tools { get; set; } = [];
}
