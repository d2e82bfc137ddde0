using System.ComponentModel.DataAnnotations;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>Which providers the loop uses. Defaults are the offline ones, which need no keys.</summary>
public sealed class ProviderSelectionOptions
{
    /// <summary>"pocketsphinx" (default, offline, English only) or "openai".</summary>
    [RegularExpression("^(pocketsphinx|openai)$")]
    public string Stt { get; set; } = "pocketsphinx";

    /// <summary>"scripted" (default: the YAML dialog) or "openai".</summary>
    [RegularExpression("^(scripted|openai)$")]
    public string Llm { get; set; } = "scripted";

    /// <summary>"espeak" (default, offline, Russian and English) or "openai".</summary>
    [RegularExpression("^(espeak|openai)$")]
    public string Tts { get; set; } = "espeak";

    /// <summary>Path of the dialog script (YAML) for the scripted engine. Empty: the built-in script.</summary>
    public string DialogScriptPath { get; set; } = "";

    public EspeakOptions Espeak { get; set; } = new();

    /// <summary>The cache of synthesised sentences in front of the TTS provider (on by default; MaxEntries 0 turns it off).</summary>
    public TtsCacheOptions TtsCache { get; set; } = new();

    public PocketsphinxOptions Pocketsphinx { get; set; } = new();

    /// <summary>Required when <see cref="Stt"/> is "openai".</summary>
    public OpenAiOptions? OpenAiStt { get; set; }

    /// <summary>Required when <see cref="Llm"/> is "openai".</summary>
    public OpenAiOptions? OpenAiLlm { get; set; }

    /// <summary>Required when <see cref="Tts"/> is "openai".</summary>
    public OpenAiOptions? OpenAiTts { get; set; }
}
