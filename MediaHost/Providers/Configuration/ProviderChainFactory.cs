using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Providers.Azure;
using VoiceFunctions.MediaHost.Providers.Cartesia;
using VoiceFunctions.MediaHost.Providers.Deepgram;
using VoiceFunctions.MediaHost.Providers.ElevenLabs;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Providers.Llm;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Providers.Yandex;

namespace VoiceFunctions.MediaHost.Providers.Configuration;

/// <summary>
/// Builds each stage's failover chains from <see cref="ProviderChainsOptions"/>: one adapter per configured provider
/// (by <see cref="ProviderOptions.Kind"/>), each with its health, probe and Polly pipeline, and a chain per
/// language where one is configured. The one place where configuration becomes providers.
/// </summary>
public sealed class ProviderChainFactory(HttpClient http, TimeProvider time, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger("VoiceFunctions.MediaHost.Providers.Failover");

    public ILanguageModel CreateLanguageModel(StageChainOptions stage) =>
        LanguageRouted.LanguageModel(Routes<ILanguageModel>(stage, o => LanguageModelChain(o, stage.Failover)));

    public ITextToSpeech CreateTextToSpeech(StageChainOptions stage) =>
        LanguageRouted.TextToSpeech(Routes<ITextToSpeech>(stage, o => TextToSpeechChain(o, stage.Failover)));

    public IStreamingSpeechToText CreateSpeechToText(StageChainOptions stage) =>
        LanguageRouted.SpeechToText(Routes<IStreamingSpeechToText>(stage, o => SpeechToTextChain(o, stage.Failover)));

    public FailoverLanguageModel LanguageModelChain(IReadOnlyList<ProviderOptions> providers, FailoverOptions failover) =>
        new([.. providers.Select(o => Member("llm", o, LanguageModel(o), ProbeAsync, failover))], failover, time, _logger);

    public FailoverTextToSpeech TextToSpeechChain(IReadOnlyList<ProviderOptions> providers, FailoverOptions failover) =>
        new([.. providers.Select(o => Member("tts", o, TextToSpeech(o), ProbeAsync, failover))], failover, time, _logger);

    public FailoverSpeechToText SpeechToTextChain(IReadOnlyList<ProviderOptions> providers, FailoverOptions failover) =>
        new([.. providers.Select(o => Member("stt", o, SpeechToText(o), ProbeAsync, failover))], failover, time, _logger);

    /// <summary>A one-provider TTS chain around an adapter built elsewhere (the older single-provider settings).</summary>
    public FailoverTextToSpeech SingleTextToSpeech(string name, ITextToSpeech provider, FailoverOptions failover) =>
        new([Member("tts", new ProviderOptions { Kind = name }, provider, ProbeAsync, failover)], failover, time, _logger);

    /// <summary>A batch recogniser behind its own retry and breaker (the older single-provider settings).</summary>
    public ResilientSpeechToText ResilientBatch(string name, ISpeechToText provider, FailoverOptions failover) =>
        new(provider, ProviderPipelines.Create("stt", name, failover, time, _logger));

    /// <summary>One chain member: the adapter, a probe loop for when it is marked unhealthy, and its own pipeline.</summary>
    public ChainMember<T> Member<T>(string stage, ProviderOptions options, T provider, Func<T, CancellationToken, Task> probe, FailoverOptions failover) =>
        new(options.DisplayName, provider,
            new ProviderHealth(stage, options.DisplayName, t => probe(provider, t), TimeSpan.FromSeconds(failover.ProbeIntervalSeconds), time, _logger),
            ProviderPipelines.Create(stage, options.DisplayName, failover, time, _logger));

    public ILanguageModel LanguageModel(ProviderOptions o) => o.Kind switch
    {
        "openai" or "openai-compatible" or "azure-openai" or "azure-openai-v1" => new ChatClientLanguageModel(
            OpenAiChatClientFactory.Create(o, http), o.DisplayName, o.Kind.StartsWith("azure-openai", StringComparison.Ordinal) && o.Model.Length == 0 ? o.Deployment : o.Model,
            TimeSpan.FromSeconds(o.StreamIdleTimeoutSeconds), time),
        _ => throw new InvalidOperationException($"unknown LLM kind '{o.Kind}'"),
    };

    public ITextToSpeech TextToSpeech(ProviderOptions o) => o.Kind switch
    {
        "yandex" => new YandexTextToSpeech(o, YandexChannels.For(o, YandexTextToSpeech.DefaultEndpoint), time),
        "azure-speech" => new AzureSpeechTextToSpeech(o, http, time),
        "elevenlabs" => new ElevenLabsTextToSpeech(o, time),
        "cartesia" => new CartesiaTextToSpeech(o, time),
        "openai" => new OpenAiTextToSpeech(http, ToOpenAi(o, "tts-1"), time, loggers.CreateLogger<OpenAiTextToSpeech>()),
        _ => throw new InvalidOperationException($"unknown TTS kind '{o.Kind}'"),
    };

    public IStreamingSpeechToText SpeechToText(ProviderOptions o) => o.Kind switch
    {
        "deepgram" => new DeepgramSpeechToText(o, time),
        "yandex" => new YandexSpeechToText(o, YandexChannels.For(o, YandexSpeechToText.DefaultEndpoint), time),
        "openai-batch" => new BatchRecognitionAdapter(new OpenAiSpeechToText(http, ToOpenAi(o, "whisper-1"), time, loggers.CreateLogger<OpenAiSpeechToText>()), o.DisplayName),
        _ => throw new InvalidOperationException($"unknown STT kind '{o.Kind}'"),
    };

    /// <summary>The single provider of the older AiLoop:Providers:OpenAi* settings as chain options.</summary>
    public static ProviderOptions FromOpenAi(OpenAiOptions openAi, string kind) => new()
    {
        Kind = kind,
        Name = kind == "openai-compatible" ? "openai-llm" : kind,
        Endpoint = openAi.BaseUrl,
        ApiKey = openAi.ApiKey,
        Model = openAi.Model,
        Voice = openAi.Voice,
        AttemptTimeoutSeconds = openAi.TimeoutSeconds,
        StreamIdleTimeoutSeconds = openAi.StreamIdleTimeoutSeconds,
    };

    /// <summary>The older OpenAI settings' retry count and delay applied to a chain's failover rules.</summary>
    public static FailoverOptions FailoverFrom(OpenAiOptions openAi, FailoverOptions failover) => new()
    {
        FirstResultDeadlineMs = Math.Max(failover.FirstResultDeadlineMs, openAi.TimeoutSeconds * 1000),
        MaxRetries = openAi.MaxRetries,
        RetryBaseDelayMs = openAi.RetryDelayMs,
        MaxRetryAfterMs = failover.MaxRetryAfterMs,
        ProbeIntervalSeconds = failover.ProbeIntervalSeconds,
    };

    private static OpenAiOptions ToOpenAi(ProviderOptions o, string defaultModel) => new()
    {
        BaseUrl = o.Endpoint.Length > 0 ? o.Endpoint : OpenAiChatClientFactory.OpenAiEndpoint,
        ApiKey = o.ApiKey,
        Model = o.Model.Length > 0 ? o.Model : defaultModel,
        Voice = o.Voice.Length > 0 ? o.Voice : "alloy",
        TimeoutSeconds = o.AttemptTimeoutSeconds,
        StreamIdleTimeoutSeconds = o.StreamIdleTimeoutSeconds,
    };

    private static Dictionary<string, T> Routes<T>(StageChainOptions stage, Func<IReadOnlyList<ProviderOptions>, T> build)
    {
        var routes = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        if (stage.Chain.Count > 0)
        {
            routes[LanguageRouted.DefaultRoute] = build(stage.Chain);
        }
        foreach (var (language, chain) in stage.ByLanguage)
        {
            routes[language] = build(chain);
        }
        return routes;
    }

    private static async Task ProbeAsync(ILanguageModel model, CancellationToken cancellationToken)
    {
        var request = new LanguageModelRequest([new ChatMessage(ChatRole.User, "ping")], [], "en-US");
        await foreach (var _ in model.StreamAsync(request, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
    }

    private static async Task ProbeAsync(ITextToSpeech tts, CancellationToken cancellationToken)
    {
        await foreach (var _ in tts.SynthesizeAsync("Да.", "ru-RU", cancellationToken).ConfigureAwait(false))
        {
            return;
        }
    }

    private static async Task ProbeAsync(IStreamingSpeechToText stt, CancellationToken cancellationToken)
    {
        var stream = await stt.StartAsync(RecognitionRequest.For("ru-RU"), cancellationToken).ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
    }
}
