using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>Creates the providers named in <see cref="ProviderSelectionOptions"/> (once, shared by all calls).</summary>
public sealed class AgentProviderFactory(IOptions<AiLoopOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILoggerFactory loggers,
    IOptions<ProviderChainsOptions>? chains = null)
{
    public const string HttpClientName = "VoiceFunctions.Agent.Providers";

    private ProviderSelectionOptions Selection => options.Value.Providers;

    private ProviderChainsOptions Chains => chains?.Value ?? new();

    private ProviderChainFactory ChainFactory => new(httpClients.CreateClient(HttpClientName), time, loggers);

    /// <summary>The streaming STT chain of AiLoop:Providers:Chains:Stt, or the single batch provider behind the batch adapter.</summary>
    public IStreamingSpeechToText CreateStreamingSpeechToText(Func<ISpeechToText> batch) => Chains.Stt.IsConfigured
        ? ChainFactory.CreateSpeechToText(Chains.Stt)
        : new BatchRecognitionAdapter(batch(), Selection.Stt);

    public ISpeechToText CreateSpeechToText() => Selection.Stt == "openai"
        ? ChainFactory.ResilientBatch("openai-stt", new OpenAiSpeechToText(httpClients.CreateClient(HttpClientName), Selection.OpenAiStt!, time, loggers.CreateLogger<OpenAiSpeechToText>()),
            ProviderChainFactory.FailoverFrom(Selection.OpenAiStt!, Chains.Stt.Failover))
        : new PocketsphinxSpeechToText(Selection.Pocketsphinx, loggers.CreateLogger<PocketsphinxSpeechToText>());

    public ILanguageModel CreateLanguageModel() => Chains.Llm.IsConfigured ? ChainFactory.CreateLanguageModel(Chains.Llm)
        : Selection.Llm == "openai" ? ChainFactory.LanguageModelChain([ProviderChainFactory.FromOpenAi(Selection.OpenAiLlm!, "openai-compatible")],
            ProviderChainFactory.FailoverFrom(Selection.OpenAiLlm!, Chains.Llm.Failover))
        : new ScriptedLanguageModel(LoadScript());

    /// <summary>The configured TTS provider behind the sentence cache (unless AiLoop:Providers:TtsCache:MaxEntries is 0).</summary>
    public ITextToSpeech CreateTextToSpeech()
    {
        var (provider, voice) = Chains.Tts.IsConfigured
            ? (ChainFactory.CreateTextToSpeech(Chains.Tts), "chain|" + string.Join("|", Chains.Tts.Chain.Select(p => p.ToString())))
            : Selection.Tts == "openai"
            ? ((ITextToSpeech)ChainFactory.SingleTextToSpeech("openai-tts",
                    new OpenAiTextToSpeech(httpClients.CreateClient(HttpClientName), Selection.OpenAiTts!, time, loggers.CreateLogger<OpenAiTextToSpeech>()),
                    ProviderChainFactory.FailoverFrom(Selection.OpenAiTts!, Chains.Tts.Failover)),
                $"openai|{Selection.OpenAiTts!.BaseUrl}|{Selection.OpenAiTts.Model}|{Selection.OpenAiTts.Voice}")
            : (new EspeakTextToSpeech(Selection.Espeak),
                $"espeak|{Selection.Espeak.EnglishVoice}|{Selection.Espeak.RussianVoice}|{Selection.Espeak.WordsPerMinute}");
        return Selection.TtsCache.MaxEntries > 0 ? new CachingTextToSpeech(provider, voice, Selection.TtsCache) : provider;
    }

    /// <summary>The configured dialog script, or the built-in one.</summary>
    public DialogScript LoadScript()
    {
        if (Selection.DialogScriptPath.Length > 0)
        {
            return DialogScriptLoader.Load(File.ReadAllText(Selection.DialogScriptPath), Selection.DialogScriptPath);
        }
        using var stream = typeof(AgentProviderFactory).Assembly.GetManifestResourceStream("VoiceFunctions.MediaHost.default-dialog.yaml")
            ?? throw new InvalidOperationException("the built-in dialog script is missing from the assembly");
        return DialogScriptLoader.Load(new StreamReader(stream).ReadToEnd(), "default-dialog.yaml");
    }
}
