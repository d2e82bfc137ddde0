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
    /// Registers the AI loop as the MediaHost's <see cref="ICallHandler"/> from the "AiLoop" configuration section
    /// (validated at start-up). With AiLoop:Enabled=false nothing is registered and the built-in handler stays.
    /// Replaces an <see cref="ICallHandler"/> registered earlier.
    /// </summary>
    public static IServiceCollection AddVoiceAgent(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AiLoopOptions.SectionName);
        services.AddOptions<AiLoopOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiLoopOptions>, AiLoopOptionsValidator>());
        if (!section.GetValue(nameof(AiLoopOptions.Enabled), true))
        {
            return services;
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddHttpClient(AgentProviderFactory.HttpClientName);
        services.AddHttpClient("VoiceFunctions.Agent.Tools");
        services.TryAddSingleton<ITurnReporter>(NullTurnReporter.Instance);
        services.TryAddSingleton<AgentMetrics>();
        services.TryAddSingleton<AgentProviderFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<AgentProviderFactory>().CreateSpeechToText());
        // The loop speaks the streaming contract: a registered streaming recogniser is used as it is; otherwise the
        // batch provider is adapted (one final after the endpoint).
        services.TryAddSingleton<IStreamingSpeechToText>(sp => new BatchRecognitionAdapter(
            sp.GetRequiredService<ISpeechToText>(), sp.GetRequiredService<IOptions<AiLoopOptions>>().Value.Providers.Stt));
        services.TryAddSingleton(sp => sp.GetRequiredService<AgentProviderFactory>().CreateLanguageModel());
        services.TryAddSingleton(sp => sp.GetRequiredService<AgentProviderFactory>().CreateTextToSpeech());
        services.TryAddSingleton(sp => new PhraseAudioCache(sp.GetRequiredService<ITextToSpeech>()));
        services.TryAddSingleton(sp => new HttpToolInvoker(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient("VoiceFunctions.Agent.Tools"),
            sp.GetRequiredService<IOptions<AiLoopOptions>>().Value.HttpTools,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp =>
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
                EndOfTurnModel: sp.GetService<IEndOfTurnModel>(),
                AudioFrontEndFactory: sp.GetService<Func<IAudioFrontEnd>>());
        });
        services.AddHostedService<VoiceAgentStartupCheck>();
        services.RemoveAll<ICallHandler>();
        services.AddSingleton<ICallHandler, VoiceAgentCallHandler>();
        return services;
    }
}
