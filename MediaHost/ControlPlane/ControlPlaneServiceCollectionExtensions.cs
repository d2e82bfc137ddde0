using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.ControlPlane;

public static class ControlPlaneServiceCollectionExtensions
{
    /// <summary>Whether calls are reported to the control plane: ControlPlane:BaseUrl is set.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration[$"{ControlPlaneOptions.Section}:{nameof(ControlPlaneOptions.BaseUrl)}"]);

    /// <summary>
    /// Registers the reporting of calls to the control plane: its options (ControlPlane section, with the signing key
    /// from AgentEvents:KeyId / AgentEvents:Secret; validated at start, every problem named), the event queue and its
    /// sender, the SIP trace of each call, the <see cref="CallEventReporter"/> and the live calls the control plane's answers
    /// may hang up (<see cref="FinishedCallHangUp"/>). The host decides where the reporter is
    /// used (the call handler's decorator, the agent's turn reporter).
    /// </summary>
    public static IServiceCollection AddControlPlaneReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ControlPlaneOptions>()
            .Bind(configuration.GetSection(ControlPlaneOptions.Section))
            .Configure(options =>
            {
                options.KeyId = configuration["AgentEvents:KeyId"] is { Length: > 0 } keyId ? keyId : options.KeyId;
                options.Secret = configuration["AgentEvents:Secret"] ?? "";
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ControlPlaneOptions>, ControlPlaneOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ControlPlaneOptions>>().Value);
        services.AddSingleton<CallEventQueue>();
        services.AddHttpClient(nameof(ControlPlaneEventSender));
        services.AddHttpClient(nameof(MediaHostHeartbeatSender));
        // Before the event sender: hosted services stop in reverse order, so the last ("leaving") heartbeat follows the
        // flush of the drained calls' reports.
        services.AddHostedService(sp => new MediaHostHeartbeatSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(MediaHostHeartbeatSender)),
            sp.GetRequiredService<ControlPlaneOptions>(), sp.GetRequiredService<CallEventReporter>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MediaHostHeartbeatSender>>()));
        // A live call whose event the control plane answers CallAlreadyFinished is hung up (see FinishedCallRule).
        services.AddSingleton<LiveCallSessions>();
        services.AddSingleton(sp => new FinishedCallHangUp(sp.GetRequiredService<LiveCallSessions>(), sp.GetRequiredService<ILogger<FinishedCallHangUp>>()));
        services.AddSingleton(sp => new ControlPlaneEventSender(
            sp.GetRequiredService<CallEventQueue>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ControlPlaneEventSender)),
            sp.GetRequiredService<ControlPlaneOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ControlPlaneEventSender>>(),
            sp.GetRequiredService<FinishedCallHangUp>()));
        services.AddHostedService(sp => sp.GetRequiredService<ControlPlaneEventSender>());
        // The SIP summary of each call travels with its answered and hangup reports (the call timeline).
        services.AddSingleton<SipCallTrace>();
        services.AddSingleton<ISipMessageObserver>(sp => sp.GetRequiredService<SipCallTrace>());
        services.AddSingleton(sp => new CallEventReporter(sp.GetRequiredService<CallEventQueue>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CallEventReporter>>())
        {
            Trace = sp.GetRequiredService<SipCallTrace>(), HostId = sp.GetRequiredService<ControlPlaneOptions>().EffectiveHostId,
        });
        return services;
    }
}
