using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.ControlPlane;

public static class ControlPlaneServiceCollectionExtensions
{
    /// <summary>
    /// When ControlPlane:BaseUrl is set, reports calls to the control plane: registers the turn reporter (call
    /// before AddVoiceAgent) and returns true; <see cref="DecorateCallHandlerWithReporting"/> must then be called
    /// after the call handler is registered. Invalid settings stop the start-up with every problem named.
    /// </summary>
    public static bool AddControlPlaneReporting(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new ControlPlaneOptions();
        configuration.GetSection("ControlPlane").Bind(options);
        options.KeyId = configuration["AgentEvents:KeyId"] is { Length: > 0 } keyId ? keyId : options.KeyId;
        options.Secret = configuration["AgentEvents:Secret"] ?? "";
        if (string.IsNullOrEmpty(options.BaseUrl))
        {
            return false;
        }
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException("Control plane reporting settings are invalid: " + string.Join(" ", problems));
        }
        services.AddSingleton(options);
        services.AddSingleton<CallEventQueue>();
        services.AddHttpClient(nameof(ControlPlaneEventSender));
        services.AddSingleton(sp => new ControlPlaneEventSender(
            sp.GetRequiredService<CallEventQueue>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ControlPlaneEventSender)),
            options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ControlPlaneEventSender>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ControlPlaneEventSender>());
        // The SIP summary of each call travels with its answered and hangup reports (the call timeline).
        services.AddSingleton<SipCallTrace>();
        services.AddSingleton<ISipMessageObserver>(sp => sp.GetRequiredService<SipCallTrace>());
        services.AddSingleton(sp => new CallEventReporter(sp.GetRequiredService<CallEventQueue>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CallEventReporter>>()) { Trace = sp.GetRequiredService<SipCallTrace>() });
        services.Replace(ServiceDescriptor.Singleton<ITurnReporter>(sp => sp.GetRequiredService<CallEventReporter>()));
        return true;
    }

    /// <summary>Wraps the registered <see cref="ICallHandler"/> in a <see cref="ReportingCallHandler"/>.</summary>
    public static IServiceCollection DecorateCallHandlerWithReporting(this IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ICallHandler));
        services.RemoveAll<ICallHandler>();
        services.AddSingleton<ICallHandler>(sp =>
        {
            var inner = registered.ImplementationInstance as ICallHandler
                ?? (registered.ImplementationFactory is { } factory
                    ? (ICallHandler)factory(sp)
                    : (ICallHandler)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!));
            return new ReportingCallHandler(inner, sp.GetRequiredService<CallEventReporter>(), sp.GetRequiredService<ControlPlaneOptions>().CallIdFromSipHeader,
                sp.GetRequiredService<TimeProvider>());
        });
        return services;
    }
}
