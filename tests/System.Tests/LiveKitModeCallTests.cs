using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// LiveKit mode without a LiveKit server: webhooks signed by the official Node SDK drive the local control plane; its
/// orchestrator dispatches the agent through the loopback LiveKit API test server, whose CreateSIPParticipant places
/// a real SIP call (sipp, as LiveKit SIP would, with the request's headers on the INVITE) to the MediaHost process.
/// </summary>
[Trait("Category", "System")]
public sealed class LiveKitModeCallTests
{
    private const string CallerNumber = "+15557654321";
    private const string TrunkNumber = "+15550009999";

    [SkippableFact]
    public async Task Call_dispatched_through_the_loopback_LiveKit_API_test_server_reaches_the_MediaHost_and_is_finalized_when_the_caller_leaves()
    {
        await using var rig = await LiveKitModeRig.StartAsync();
        var room = "call-_" + CallerNumber + "_" + Guid.NewGuid().ToString("N")[..8];
        var callId = CallIds.FromRoomName(room);
        var callerIdentity = "sip_" + CallerNumber;
        rig.LiveKit.State.AddRoom(room);
        rig.LiveKit.State.AddParticipant(room, callerIdentity, ParticipantKind.Sip, new Dictionary<string, string> { ["sip.phoneNumber"] = CallerNumber });

        Assert.Equal("Started", await rig.Webhooks.PostAsync(LiveKitWebhookSender.RoomStarted(room)));
        Assert.Equal("Raised", await rig.Webhooks.PostAsync(LiveKitWebhookSender.CallerJoined(room, callerIdentity, CallerNumber, TrunkNumber)));

        // The orchestrator dispatches the agent; the dial hook's sipp leg brings the caller's question to the MediaHost.
        var answered = await rig.ControlPlane.WaitForCallAsync(callId, LocalControlPlane.HasAnsweredQuestion, TimeSpan.FromSeconds(60), "the agent answering the caller's question");
        Assert.Equal("InProgress", answered.GetProperty("record").GetProperty("outcome").GetString());

        // The caller hangs up: LiveKit reports it; the orchestrator ends the room (LiveKit SIP then hangs up the agent leg).
        Assert.Equal("Raised", await rig.Webhooks.PostAsync(LiveKitWebhookSender.CallerLeft(room, callerIdentity)));
        var call = await rig.ControlPlane.WaitForCallAsync(callId, LocalControlPlane.IsFinalized, TimeSpan.FromSeconds(30), "the call finalized");
        var leg = Assert.Single(rig.Legs);
        var (exitCode, output) = await leg.WaitAsync();
        Assert.True(exitCode == 0, $"the agent leg (sipp) failed:\n{output}\nMediaHost:\n{rig.MediaHost.Log[^Math.Min(4000, rig.MediaHost.Log.Length)..]}");
        var afterEnd = await rig.Webhooks.PostAsync(LiveKitWebhookSender.RoomFinished(room));

        // The dispatch: one CreateSIPParticipant through the MediaHost's trunk, naming the call in its headers.
        var dial = Assert.Single(rig.LiveKit.State.GetDials());
        Assert.Equal((room, "agent"), (dial.RoomName, dial.SipCallTo));
        Assert.Equal(callId, dial.Headers[AgentCallHeaders.CallId]);
        Assert.Equal(room, dial.Headers[AgentCallHeaders.Room]);
        Assert.DoesNotContain(rig.LiveKit.State.GetRooms(), r => r.Name == room); // the orchestrator ended the room
        Assert.Equal("CallAlreadyFinished", afterEnd);

        // The record: the room's call, answered by the MediaHost's events under that call id, finalized as the caller hanging up.
        var record = call.GetProperty("record");
        Assert.Equal(callId, record.GetProperty("callId").GetString());
        Assert.Equal(("Completed", "CallerHangUp"), (record.GetProperty("outcome").GetString(), record.GetProperty("endReason").GetString()));
        Assert.Equal(CallerNumber, record.GetProperty("callerNumber").GetString());
        Assert.Equal(JsonValueKind.String, record.GetProperty("answeredAt").ValueKind);
        var turns = call.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal("Hello! How can I help you?", turns[0].GetProperty("agentText").GetString());
        Assert.Contains(turns, t => !string.IsNullOrWhiteSpace(t.GetProperty("callerText").GetString()) && t.GetProperty("responseLatencyMs").GetInt32() > 0);

        // No second call appeared: the MediaHost did not report the leg under a direct-mode id of its own.
        var today = await rig.ControlPlane.Http.GetFromJsonAsync<JsonElement>($"/api/calls?day={DateTimeOffset.UtcNow:yyyy-MM-dd}&pageSize=10");
        Assert.Equal([callId], today.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("callId").GetString()));
    }

    /// <summary>The loopback LiveKit API test server, the local control plane in LiveKit mode and the MediaHost process, wired together.</summary>
    private sealed class LiveKitModeRig : IAsyncDisposable
    {
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
}
