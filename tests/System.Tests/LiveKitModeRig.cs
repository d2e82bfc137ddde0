using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// The loopback LiveKit API test server, the local control plane in LiveKit mode and the MediaHost process, wired
/// together. By default a dispatch places a <see cref="DemoCaller"/> leg asking a question; a test that needs another
/// leg sets <c>LiveKit.OnCreateSipParticipant</c> itself.
/// </summary>
internal sealed class LiveKitModeRig : IAsyncDisposable
{
    /// <summary>The number of the MediaHost's outbound trunk (the agent leg's From).</summary>
    public const string TrunkNumber = "+15550009999";

    private LiveKitModeRig(LoopbackLiveKitApiTestServer liveKit, LocalControlPlane controlPlane, MediaHostProcess mediaHost)
    {
        LiveKit = liveKit;
        ControlPlane = controlPlane;
        MediaHost = mediaHost;
        Webhooks = new LiveKitWebhookSender(controlPlane.BaseUrl, liveKit.ApiKey, liveKit.ApiSecret);
    }

    public LoopbackLiveKitApiTestServer LiveKit { get; }
    public LocalControlPlane ControlPlane { get; }
    public MediaHostProcess MediaHost { get; }
    public LiveKitWebhookSender Webhooks { get; }
    public ConcurrentQueue<DemoCaller> Legs { get; } = new();

    public static async Task<LiveKitModeRig> StartAsync(IDictionary<string, string?>? controlPlaneSettings = null, IDictionary<string, string>? mediaHostSettings = null)
    {
        var liveKit = await LoopbackLiveKitApiTestServer.StartAsync();
        var sipPort = FreePort.Next();
        var trunk = await CreateMediaHostTrunkAsync(liveKit, $"127.0.0.1:{sipPort}");
        var settings = new Dictionary<string, string?>
        {
            ["LiveKit:Url"] = liveKit.Url.ToString(),
            ["LiveKit:ApiKey"] = liveKit.ApiKey,
            ["LiveKit:ApiSecret"] = liveKit.ApiSecret,
            ["AgentDispatch:OutboundTrunkId"] = trunk.SipTrunkId,
            ["AgentEvents:DirectMode"] = "false",
        };
        foreach (var (key, value) in controlPlaneSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var controlPlane = await LocalControlPlane.StartAsync(settings);
        var media = new Dictionary<string, string>
        {
            ["AiLoop__Providers__DialogScriptPath"] = Path.Combine(AppContext.BaseDirectory, "demo-dialog.yaml"),
            ["ControlPlane__CallIdFromSipHeader"] = "true",
        };
        foreach (var (key, value) in mediaHostSettings ?? new Dictionary<string, string>())
        {
            media[key] = value;
        }
        var mediaHost = await SystemMediaHost.StartAsync(controlPlane.BaseUrl, controlPlane.EventsSecret, media, sipPort);
        var rig = new LiveKitModeRig(liveKit, controlPlane, mediaHost);
        // What LiveKit SIP does for CreateSIPParticipant: INVITE sip:<sipCallTo>@<trunk address> with the request's
        // headers, and return while it is still dialing. The leg carries the caller's question to the agent.
        liveKit.OnCreateSipParticipant = async (dial, _) =>
        {
            var address = dial.Trunk.Address.Split(':');
            var target = new global::System.Net.IPEndPoint(global::System.Net.IPAddress.Parse(address[0]), int.Parse(address[1]));
            rig.Legs.Enqueue(await DemoCaller.StartAsync(target, "What are your opening hours?", leadSeconds: 4, callMilliseconds: 20000,
                new BridgeLeg(dial.Request.SipCallTo, dial.Trunk.Numbers[0], dial.Request.Headers)));
        };
        return rig;
    }

    private static async Task<SipOutboundTrunkInfo> CreateMediaHostTrunkAsync(LoopbackLiveKitApiTestServer liveKit, string address)
    {
        await using var services = new ServiceCollection()
            .AddLiveKitApi(o => { o.Url = liveKit.Url.ToString(); o.ApiKey = liveKit.ApiKey; o.ApiSecret = liveKit.ApiSecret; })
            .BuildServiceProvider();
        return await services.GetRequiredService<SipServiceClient>().CreateOutboundTrunkAsync(
            new SipOutboundTrunkInfo { Name = "mediahost", Address = address, Numbers = [TrunkNumber] }).DefaultTimeout();
    }

    public async ValueTask DisposeAsync()
    {
        while (Legs.TryDequeue(out var leg))
        {
            leg.Dispose();
        }
        await MediaHost.DisposeAsync();
        await ControlPlane.DisposeAsync();
        await LiveKit.DisposeAsync();
    }
}
