using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Recognition;

// In the DI namespace, as is usual for Add* extensions, so Program.cs needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class VoiceAgentServiceCollectionExtensions
{
    /// <summary>
    /// Binds the "AiLoop" section, validated at start-up (also when the agent is off: a wrong setting is named before
    /// it would matter). Each failure names its configuration key.
    /// </summary>
    public static IServiceCollection AddVoiceAgentOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AiLoopOptions>().Bind(configuration.GetSection(AiLoopOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiLoopOptions>, AiLoopOptionsValidator>();
        VoiceFunctions.MediaHost.Providers.Configuration.ProviderChainsServiceCollectionExtensions.AddProviderChains(services, configuration);
        return services;
    }

    /// <summary>
    /// Registers the AI loop: the providers named in AiLoop:Providers (a provider registered before this call is used
    /// as it is), the <see cref="AgentDependencies"/> and the <see cref="VoiceAgentCallHandler"/>. Needs
    /// <see cref="AddVoiceAgentOptions"/>, a <see cref="TimeProvider"/> and an <see cref="ITurnReporter"/>; the host
    /// decides whether the handler answers its calls.
    /// </summary>
    public static IServiceCollection AddVoiceAgent(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddHttpClient(AgentProviderFactory.HttpClientName);
        services.AddHttpClient("VoiceFunctions.Agent.Tools");
        services.AddSingleton<AgentMetrics>();
        services.AddSingleton<AgentProviderFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<AgentProviderFactory>().CreateSpeechToText());
        // The loop speaks the streaming contract: a registered streaming recogniser is used as it is; otherwise the
        // batch provider is adapted (one final after the endpoint).
        // AiLoop:Providers:Chains:Stt, when configured, is a streaming failover chain (Providers/Configuration).
        services.TryAddSingleton<IStreamingSpeechToText>(sp => sp.GetRequiredService<AgentProviderFactory>().CreateStreamingSpeechToText(
            () => sp.GetRequiredService<ISpeechToText>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<AgentProviderFactory>().CreateLanguageModel());
        services.TryAddSingleton(sp => sp.GetRequiredService<AgentProviderFactory>().CreateTextToSpeech());
        services.AddSingleton(sp => new PhraseAudioCache(sp.GetRequiredService<ITextToSpeech>()));
        services.AddSingleton(sp => new HttpToolInvoker(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("VoiceFunctions.Agent.Tools"),
            sp.GetRequiredService<IOptions<AiLoopOptions>>().Value.HttpTools,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AiLoopOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("VoiceFunctions.MediaHost.Agent");
            ProvidersLog.ProvidersChosen(logger, options.Providers.Stt, options.Providers.Llm, options.Providers.Tts);
            return new AgentDependencies(
                sp.GetRequiredService<IStreamingSpeechToText>(),
                sp.GetRequiredService<ILanguageModel>(),
                sp.GetRequiredService<ITextToSpeech>(),
                sp.GetRequiredService<PhraseAudioCache>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<AgentMetrics>(),
                sp.GetRequiredService<ITurnReporter>(),
                logger,
                sp.GetRequiredService<HttpToolInvoker>(),
                VoiceActivityDetectorFactory: sp.GetService<Func<IVoiceActivityDetector>>(),
                EndOfTurnModel: sp.GetService<IEndOfTurnModel>(),
                AudioFrontEndFactory: sp.GetService<Func<IAudioFrontEnd>>(),
                KeypadMenu: KeypadMenu(options, sp));
        });
        services.AddHostedService<VoiceAgentStartupCheck>();
        services.AddSingleton(sp =>
        {
            var capacity = sp.GetRequiredService<IOptions<AiLoopOptions>>().Value.Capacity;
            return new AgentCapacity(capacity, capacity.RefuseWhenRecognitionSaturated
                && sp.GetRequiredService<IStreamingSpeechToText>() is VoiceFunctions.MediaHost.Providers.Offline.PocketsphinxStreamingSpeechToText offline ? new Func<string?>(offline.Saturation) : null);
        });
        services.AddSingleton<VoiceAgentCallHandler>();
        return services;
    }

    /// <summary>
    /// The scripted dialog's keypad menu when the offline recogniser (English only) is what listens and the call's
    /// language is another: a default ru-RU install then serves callers by key instead of answering every word with
    /// its no-match phrase. Null with an LLM, with a hosted recogniser, or in English.
    /// </summary>
    private static string? KeypadMenu(AiLoopOptions options, IServiceProvider sp)
    {
        var language = options.Language[..2].ToLowerInvariant();
        if (language == "en" || sp.GetRequiredService<ILanguageModel>() is not ScriptedLanguageModel
            || sp.GetRequiredService<IStreamingSpeechToText>().Name != "pocketsphinx")
        {
            return null;
        }
        return sp.GetRequiredService<AgentProviderFactory>().LoadScript().Menu.TryGetValue(language, out var menu) ? menu : null;
    }
}
