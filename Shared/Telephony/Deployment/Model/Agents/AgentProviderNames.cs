using System.ComponentModel;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Telephony.Deployment.Model.Agents;

[Description("The provider names configured on the MediaHost, per stage. A stage left out keeps the built-in names.")]
public sealed class AgentProviderNames : ConfigObject
{
    public static readonly IReadOnlyList<string> BuiltInStt = ["pocketsphinx", "openai"];
    public static readonly IReadOnlyList<string> BuiltInLlm = ["scripted", "openai"];
    public static readonly IReadOnlyList<string> BuiltInTts = ["espeak", "openai"];

    [ConfigKey("stt"), Description("Speech-to-text providers.")]
    public List<Located<string>>? Stt { get; set; }

    [ConfigKey("llm"), Description("Language model providers.")]
    public List<Located<string>>? Llm { get; set; }

    [ConfigKey("tts"), Description("Text-to-speech providers.")]
    public List<Located<string>>? Tts { get; set; }
}
