using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;

namespace VoiceFunctions.Cli.LiveKit;

/// <summary>The LiveKit API clients for one command run, with short, bounded timeouts and retries
/// (a command line should answer in seconds, and doctor must tell slow from down).</summary>
public sealed class LiveKitConnection : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private LiveKitConnection(ServiceProvider services, LiveKitTarget target)
    {
        _services = services;
        Target = target;
    }

    public LiveKitTarget Target { get; }

    public SipServiceClient Sip => _services.GetRequiredService<SipServiceClient>();

    public RoomServiceClient Rooms => _services.GetRequiredService<RoomServiceClient>();

    public static LiveKitConnection Open(LiveKitTarget target, TimeProvider time, TimeSpan attemptTimeout, int maxAttempts = 2)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLiveKitApi(options =>
        {
            options.Url = target.Url;
            options.ApiKey = target.ApiKey;
            options.ApiSecret = target.ApiSecret;
            options.Resilience.AttemptTimeout = attemptTimeout;
            options.Resilience.MaxAttempts = maxAttempts;
            options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(200);
            options.Resilience.MaxDelay = TimeSpan.FromSeconds(1);
            options.Resilience.CircuitBreakerMinimumThroughput = 1000;
        });
        return new LiveKitConnection(services.BuildServiceProvider(), target);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
