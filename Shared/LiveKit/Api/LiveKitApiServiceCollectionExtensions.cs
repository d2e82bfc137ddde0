using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.Resilience;

namespace VoiceFunctions.Shared.LiveKit.Api;

public static class LiveKitApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LiveKit API clients (RoomServiceClient, SipServiceClient, EgressClient, IngressClient,
    /// AgentDispatchClient) over one transport: validated <see cref="LiveKitApiOptions"/> (checked at start),
    /// a named HttpClient from IHttpClientFactory (no HttpClient timeout: the pipeline's per-attempt timeout
    /// rules), one resilience pipeline (so one circuit breaker per LiveKit server), metrics through
    /// IMeterFactory, and the registered <see cref="TimeProvider"/> (TimeProvider.System unless one is registered).
    /// </summary>
    /// <summary>Same as <see cref="AddLiveKitApi(IServiceCollection, Action{LiveKitApiOptions})"/>, bound from a configuration section
    /// (Url, ApiKey, ApiSecret, TokenTtl, Resilience:{AttemptTimeout, MaxAttempts, BaseDelay, …}).</summary>
    public static IServiceCollection AddLiveKitApi(this IServiceCollection services, IConfiguration section) =>
        services.AddLiveKitApi(options => section.Bind(options));

    public static IServiceCollection AddLiveKitApi(this IServiceCollection services, Action<LiveKitApiOptions> configure)
    {
        services.AddOptions<LiveKitApiOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddMetrics();
        services.AddHttpClient(LiveKitTwirpTransport.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<LiveKitApiMetrics>();
        services.TryAddSingleton(sp => new LiveKitTwirpTransport(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<LiveKitApiOptions>>().Value,
            OutboundResiliencePipeline.Create(sp.GetRequiredService<IOptions<LiveKitApiOptions>>().Value.Resilience, sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<LiveKitApiMetrics>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<LiveKitTwirpTransport>>()));
        services.TryAddSingleton<RoomServiceClient>();
        services.TryAddSingleton<SipServiceClient>();
        services.TryAddSingleton<EgressClient>();
        services.TryAddSingleton<IngressClient>();
        services.TryAddSingleton<AgentDispatchClient>();
        return services;
    }
}
