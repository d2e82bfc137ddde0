using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.Resilience;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

/// <summary>
/// Our clients, composed by AddLiveKitApi exactly as the hosts do, pointed at a fresh loopback LiveKit
/// API test server. Client and server share one clock: a FakeTimeProvider when the test drives time.
/// Log lines are captured so tests can check what is (not) logged.
/// </summary>
internal sealed class ApiHarness : IAsyncDisposable
{
    private ApiHarness(LoopbackLiveKitApiTestServer server, ServiceProvider provider, FakeTimeProvider? fakeTime, CapturingLoggerProvider logs)
    {
        Server = server;
        Provider = provider;
        FakeTime = fakeTime;
        Logs = logs;
    }

    public LoopbackLiveKitApiTestServer Server { get; }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider? FakeTime { get; }

    public CapturingLoggerProvider Logs { get; }

    public RoomServiceClient Rooms => Provider.GetRequiredService<RoomServiceClient>();

    public SipServiceClient Sip => Provider.GetRequiredService<SipServiceClient>();

    public EgressClient Egress => Provider.GetRequiredService<EgressClient>();

    public IngressClient Ingress => Provider.GetRequiredService<IngressClient>();

    public AgentDispatchClient Agents => Provider.GetRequiredService<AgentDispatchClient>();

    /// <summary>
    /// Retries are immediate by default (BaseDelay 0) so tests need no timers unless they test backoff;
    /// pass <paramref name="resilience"/> to change that.
    /// </summary>
    public static async Task<ApiHarness> StartAsync(bool fakeTime = false, Action<ResilienceOptions>? resilience = null, bool useWebSocketUrl = false, Action<LiveKitApiOptions>? configure = null, TimeProvider? serverTime = null)
    {
        var time = fakeTime ? new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)) : null;
        var server = await LoopbackLiveKitApiTestServer.StartAsync(serverTime ?? time);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (time is not null)
        {
            services.AddSingleton<TimeProvider>(time);
        }
        services.AddLiveKitApi(options =>
        {
            options.Url = useWebSocketUrl ? server.WebSocketUrl : server.Url.ToString();
            options.ApiKey = server.ApiKey;
            options.ApiSecret = server.ApiSecret;
            options.Resilience.BaseDelay = TimeSpan.Zero;
            resilience?.Invoke(options.Resilience);
            configure?.Invoke(options);
        });
        return new ApiHarness(server, services.BuildServiceProvider(), time, logs);
    }

    /// <summary>Lets a call that waits on fake time finish: advances the clock in steps while the call is pending.</summary>
    public async Task<T> DriveAsync<T>(Task<T> call, TimeSpan step, int maxSteps = 200)
    {
        for (var i = 0; i < maxSteps && !call.IsCompleted; i++)
        {
            await Task.WhenAny(call, Task.Delay(20));
            if (!call.IsCompleted)
            {
                FakeTime!.Advance(step);
            }
        }
        return await call.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Every request our client sent during the test used only fields the request message defines (the
    /// stand-in ignores others, as LiveKit does, and records them): checked here, at the end of each test.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var ours = Server.Requests.Where(r => r.UserAgent == LiveKitTwirpTransport.UserAgent).ToArray();
        await Provider.DisposeAsync();
        await Server.DisposeAsync();
        var unknown = ours.Where(r => r.UnknownFields is { Count: > 0 }).Select(r => $"{r.Method}: {string.Join(", ", r.UnknownFields!)}").ToArray();
        Assert.True(unknown.Length == 0, "our client sent fields the stand-in does not know:\n" + string.Join('\n', unknown));
    }
}
