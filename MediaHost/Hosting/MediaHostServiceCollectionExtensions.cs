using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.Profiles;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Outbound;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Recording;
using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// The one place the MediaHost is wired: the SIP stack, the RTP media path, the call handler chosen by configuration
/// (the agent, or the built-in echo) and the decorators applied to it, in the order written here. Nothing registered
/// here is replaced or removed later.
/// </summary>
public static class MediaHostServiceCollectionExtensions
{
    public static IServiceCollection AddMediaHost(this IServiceCollection services, IConfiguration configuration)
    {
        var handler = ChooseCallHandler(configuration);
        var reporting = ControlPlaneServiceCollectionExtensions.IsConfigured(configuration);
        var recording = RecordingServiceCollectionExtensions.IsEnabled(configuration);

        services.AddSingleton(TimeProvider.System);
        services.AddOptions<SipOptions>().Bind(configuration.GetSection(SipOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SipOptions>, SipOptionsValidator>();
        services.AddOptions<InternalHttpOptions>().Bind(configuration.GetSection(InternalHttpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InternalHttpOptions>, InternalHttpOptionsValidator>();
        services.AddSingleton<SipMetrics>();
        services.AddRtpMedia(configuration, sp => IPAddress.Parse(sp.GetRequiredService<IOptions<SipOptions>>().Value.MediaBindAddress));
        services.AddVoiceAgentOptions(configuration);

        // Reporting to the control plane (ControlPlane:BaseUrl set): the call events, and the agent's turns.
        if (reporting)
        {
            services.AddControlPlaneReporting(configuration);
        }
        // Direct-mode call recording (Recording:Enabled; the upload link comes from the control plane).
        if (recording)
        {
            if (handler == CallHandlerKind.Agent && AgentProfilesServiceCollectionExtensions.IsConfigured(configuration))
            {
                services.AddSingleton<IRecordingPolicy, ProfileRecordingPolicy>(); // each number's agent decides
            }
            services.AddCallRecording(configuration, reporting);
        }
        services.AddSingleton<ITurnReporter>(sp => reporting ? sp.GetRequiredService<CallEventReporter>() : NullTurnReporter.Instance);

        // The call handler: one of the two, then its decorators, outermost last.
        if (handler == CallHandlerKind.Agent)
        {
            // The caller-audio front-end (echo canceller, noise suppression; on by default, AudioFrontEnd section):
            // the agent's input stage takes one per call from the Func<IAudioFrontEnd> registered here.
            services.AddAudioFrontEnd(configuration);
            AddConversationEngine(services, configuration);
            services.AddVoiceAgent();
            // Per-number agents from voice.yaml's agents section (AgentProfiles:Path), reloaded on change.
            services.AddAgentProfiles(configuration);
        }
        services.AddSingleton<ICallHandler>(sp =>
        {
            var inner = handler == CallHandlerKind.Agent ? sp.GetRequiredService<VoiceAgentCallHandler>() : EchoHandler(configuration);
            inner = recording && reporting ? RecordingServiceCollectionExtensions.WrapForRecording(inner, sp) : inner;
            inner = reporting ? ReportingCallHandler.For(inner, sp) : inner;
            // LiveKit mode's detection on calls we placed (others pass through). Only with a control plane: its key is
            // what signs the outbound context, so without one no call could ask for detection.
            return reporting ? LiveKitAmdCallHandler.Wrap(inner, sp) : inner;
        });

        services.AddSingleton<SipHostedService>();
        services.AddOutboundCalling(configuration);
        services.AddHostedService(sp => sp.GetRequiredService<SipHostedService>());
        return services;
    }

    /// <summary>
    /// The offline conversation engine, each piece replaceable by configuration: the pooled in-process pocketsphinx
    /// recogniser (streaming, biased to the dialog script in use) when the STT provider is pocketsphinx and no STT
    /// chain is configured; the Silero VAD (the energy detector, with a warning, when its model file is absent); the
    /// transcript end-of-turn scorer. Registered before the agent, whose registrations only fill what is still empty.
    /// </summary>
    private static void AddConversationEngine(IServiceCollection services, IConfiguration configuration)
    {
        var aiLoop = configuration.GetSection(AiLoopOptions.SectionName);
        var offlineStt = aiLoop.GetSection("Providers").GetValue("Stt", "pocketsphinx") == "pocketsphinx";
        var sttChain = aiLoop.GetSection("Providers:Chains:Stt:Chain").Exists();
        var batchRegistered = services.Any(d => d.ServiceType == typeof(ISpeechToText)); // a provider given by the caller wins
        if (offlineStt && !sttChain && !batchRegistered)
        {
            services.TryAddSingleton(sp => sp.GetRequiredService<AgentProviderFactory>().LoadScript());
            services.AddPocketsphinxStreaming(o => aiLoop.GetSection("PocketsphinxStreaming").Bind(o));
        }
        services.AddSileroVad(o => aiLoop.GetSection("SileroVad").Bind(o));
        services.AddEndOfTurnScorer(o => aiLoop.GetSection("EndOfTurn").Bind(o), m => aiLoop.GetSection(OnnxEndOfTurnOptions.SectionName).Bind(m));
    }

    /// <summary>AiLoop:Enabled (default true) chooses the agent; false the built-in echo.</summary>
    public static CallHandlerKind ChooseCallHandler(IConfiguration configuration) =>
        configuration.GetSection(AiLoopOptions.SectionName).GetValue(nameof(AiLoopOptions.Enabled), true) ? CallHandlerKind.Agent : CallHandlerKind.Echo;

    private static ICallHandler EchoHandler(IConfiguration configuration)
    {
        var prompt = configuration[$"{MediaServiceCollectionExtensions.Section}:PromptFile"];
        return new EchoAnsweringHandler(string.IsNullOrEmpty(prompt) ? null : EchoAnsweringHandler.LoadPrompt(prompt));
    }
}
