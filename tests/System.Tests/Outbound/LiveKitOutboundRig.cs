using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.Tests.Outbound;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.System.Tests.Outbound;

/// <summary>
/// Outbound calls in LiveKit mode without a LiveKit server: the local control plane (Outbound:Mode LiveKit) places each
/// call with CreateSIPParticipant on the carrier trunk of the loopback LiveKit API test server. What LiveKit would do is
/// played here from its documented behaviour: the callee answers (or a number refuses with its SIP status), the room's
/// webhooks (room_started, the callee's participant_joined, signed by the official Node SDK) reach the control plane,
/// whose call orchestration dispatches the agent with a second CreateSIPParticipant on the MediaHost's trunk; that leg
/// is a real SIP call (sipp) into the MediaHost process carrying the callee's words. When that leg ends, the callee's
/// participant_left follows, as when the callee hangs up. Post-call reports go to a receiver that checks signatures.
/// </summary>
internal sealed class LiveKitOutboundRig : IAsyncDisposable
{
    public const string From = "+15550002222";
    private const string MediaHostTrunkNumber = "+15550009999";
    public const string ReportSecret = "outbound-report-secret-0123456789abcdef";

    private readonly ConcurrentQueue<Task> _legs = new();
    private readonly ConcurrentDictionary<string, int> _refusals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (TimeSpan Ring, bool ThenBusy)> _ringing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _roomsAnswered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _machines = new(StringComparer.Ordinal);
    private string _calleeTrunkId = "";

    private LiveKitOutboundRig(LoopbackLiveKitApiTestServer liveKit) => LiveKit = liveKit;

    public LoopbackLiveKitApiTestServer LiveKit { get; }
    public LocalControlPlane ControlPlane { get; private set; } = null!;
    public MediaHostProcess MediaHost { get; private set; } = null!;
    public SignatureCheckingReceiver Reports { get; private set; } = null!;
    public LiveKitWebhookSender Webhooks { get; private set; } = null!;

    /// <summary>Failures of the played LiveKit side (a webhook refused, a leg that failed), checked by the tests.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>The callee dials (carrier trunk) in the order made.</summary>
    public IReadOnlyList<CreateSipParticipantRequest> CalleeDials => LiveKit.State.GetDials().Where(d => d.SipTrunkId == _calleeTrunkId).ToList();

    /// <summary>The agent dispatches (MediaHost trunk) in the order made.</summary>
    public IReadOnlyList<CreateSipParticipantRequest> AgentDials => LiveKit.State.GetDials().Where(d => d.SipTrunkId != _calleeTrunkId).ToList();

    /// <summary>The next <paramref name="times"/> dials of <paramref name="number"/> are refused with SIP 486 Busy Here.</summary>
    public void BusyFirst(string number, int times) => _refusals[number] = times;

    /// <summary>
    /// Dials of <paramref name="number"/> ring first, as LiveKit SIP shows it: the room starts and the callee joins it
    /// with sip.callStatus "ringing" (both webhooks delivered) while the dial waits <paramref name="ring"/>; then the
    /// callee declines (486, and leaves the room) or answers, which no webhook tells (the participant only turns active).
    /// An agent dispatched into the room before the answer is a problem.
    /// </summary>
    public void RingFirst(string number, TimeSpan ring, bool thenBusy) => _ringing[number] = (ring, thenBusy);

    /// <summary><paramref name="number"/>'s voicemail answers: the agent's leg carries its greeting (<see cref="VoicemailLeg"/>).</summary>
    public void AnswerByMachine(string number) => _machines[number] = true;

    /// <param name="voiceYaml">The MediaHost's agent profiles (voice.yaml).</param>
    public static async Task<LiveKitOutboundRig> StartAsync(string voiceYaml, IDictionary<string, string?>? controlPlaneSettings = null)
    {
        var rig = new LiveKitOutboundRig(await LoopbackLiveKitApiTestServer.StartAsync());
        var sipPort = FreePort.Next();
        var mediaHostTrunk = await rig.CreateTrunkAsync("mediahost", $"127.0.0.1:{sipPort}", MediaHostTrunkNumber);
        rig._calleeTrunkId = (await rig.CreateTrunkAsync("carrier", "carrier.invalid:5060", From)).SipTrunkId;
        rig.Reports = await SignatureCheckingReceiver.StartAsync(ReportSecret);
        var settings = new Dictionary<string, string?>
        {
            ["LiveKit:Url"] = rig.LiveKit.Url.ToString(),
            ["LiveKit:ApiKey"] = rig.LiveKit.ApiKey,
            ["LiveKit:ApiSecret"] = rig.LiveKit.ApiSecret,
            ["AgentDispatch:OutboundTrunkId"] = mediaHostTrunk.SipTrunkId,
            ["AgentEvents:DirectMode"] = "false",
            ["Outbound:Mode"] = "LiveKit",
            ["Outbound:CalleeTrunkId"] = rig._calleeTrunkId,
            ["Outbound:CallerIds:0"] = From,
            ["PostCallReport:Url"] = rig.Reports.Url.ToString(),
            ["PostCallReport:KeyId"] = "k1",
            ["PostCallReport:Secret"] = ReportSecret,
        };
        foreach (var (key, value) in controlPlaneSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        rig.ControlPlane = await LocalControlPlane.StartAsync(settings);
        rig.Webhooks = new LiveKitWebhookSender(rig.ControlPlane.BaseUrl, rig.LiveKit.ApiKey, rig.LiveKit.ApiSecret);
        var folder = Directory.CreateTempSubdirectory("outbound-agents-").FullName;
        var voiceYamlPath = Path.Combine(folder, "voice.yaml");
        await File.WriteAllTextAsync(voiceYamlPath, voiceYaml);
        rig.MediaHost = await SystemMediaHost.StartAsync(rig.ControlPlane.BaseUrl, rig.ControlPlane.EventsSecret, new Dictionary<string, string>
        {
            ["AiLoop__Providers__DialogScriptPath"] = Path.Combine(AppContext.BaseDirectory, "demo-dialog.yaml"),
            ["ControlPlane__CallIdFromSipHeader"] = "true",
            ["AgentProfiles__Path"] = voiceYamlPath,
        }, sipPort);
        rig.LiveKit.OnCreateSipParticipant = rig.DialAsync;
        return rig;
    }

    private Task DialAsync(LoopbackSipDial dial, CancellationToken ct) =>
        dial.Request.SipTrunkId == _calleeTrunkId ? CalleeAsync(dial) : AgentLegAsync(dial);

    /// <summary>
    /// The callee's phone: a scripted refusal fails the dial with its SIP status; otherwise it answers at once, and
    /// LiveKit's room webhooks follow on their own (LiveKit sends them apart from the API's answer; signing each one
    /// through the Node SDK takes seconds on a loaded machine, longer than the dial request may wait).
    /// </summary>
    private async Task CalleeAsync(LoopbackSipDial dial)
    {
        var number = dial.Request.SipCallTo;
        var room = dial.Request.RoomName;
        var ourNumber = dial.Request.SipNumber.Length > 0 ? dial.Request.SipNumber : dial.Trunk.Numbers[0];
        var identity = dial.Participant.ParticipantIdentity;
        if (_ringing.TryGetValue(number, out var ringing))
        {
            _roomsAnswered[room] = false;
            await PostAsync(LiveKitWebhookSender.RoomStarted(room));
            await PostAsync(LiveKitWebhookSender.CallerJoined(room, identity, number, ourNumber).Replace("\"sip.callStatus\":\"active\"", "\"sip.callStatus\":\"ringing\"", StringComparison.Ordinal));
            await Task.Delay(ringing.Ring);
            if (ringing.ThenBusy)
            {
                _legs.Enqueue(Task.Run(async () =>
                {
                    await PostAsync(LiveKitWebhookSender.CallerLeft(room, identity));
                    await PostAsync(LiveKitWebhookSender.RoomFinished(room));
                }));
                throw LoopbackTwirpException.SipCallFailed(TwirpErrorCode.ResourceExhausted, 486, "Busy Here");
            }
            _roomsAnswered[room] = true;
            return;
        }
        if (_refusals.TryGetValue(number, out var left) && left > 0 && _refusals.TryUpdate(number, left - 1, left))
        {
            throw LoopbackTwirpException.SipCallFailed(TwirpErrorCode.ResourceExhausted, 486, "Busy Here");
        }
        _legs.Enqueue(Task.Run(async () =>
        {
            await PostAsync(LiveKitWebhookSender.RoomStarted(room));
            await PostAsync(LiveKitWebhookSender.CallerJoined(room, identity, number, ourNumber));
        }));
    }

    /// <summary>LiveKit SIP dialling the MediaHost: a real SIP call with the request's headers, carrying the callee's question.</summary>
    private async Task AgentLegAsync(LoopbackSipDial dial)
    {
        if (_roomsAnswered.TryGetValue(dial.Request.RoomName, out var answered) && !answered)
        {
            Problems.Enqueue($"the agent was dispatched into {dial.Request.RoomName} while its callee was still ringing");
        }
        var address = dial.Trunk.Address.Split(':');
        var target = new IPEndPoint(IPAddress.Parse(address[0]), int.Parse(address[1], global::System.Globalization.CultureInfo.InvariantCulture));
        var bridge = new BridgeLeg(dial.Request.SipCallTo, dial.Trunk.Numbers[0], dial.Request.Headers);
        var callee = CalleeDials.Last(d => d.RoomName == dial.Request.RoomName);
        if (_machines.ContainsKey(callee.SipCallTo))
        {
            var machine = await VoicemailLeg.StartAsync(target, bridge);
            // The MediaHost hangs up on a machine: LiveKit would remove the callee only once the control plane ended the
            // call on the MediaHost's events (its answer with the verdict first), never at the BYE itself.
            _legs.Enqueue(EndWhenLegEndsAsync(machine, machine.WaitAsync, dial.Request.RoomName, callee.ParticipantIdentity,
                () => WaitForMediaHostsAnswerAsync(dial.Request.RoomName)));
            return;
        }
        var leg = await DemoCaller.StartAsync(target, "What are your opening hours?", leadSeconds: 6, callMilliseconds: 14000, bridge);
        _legs.Enqueue(EndWhenLegEndsAsync(leg, leg.WaitAsync, dial.Request.RoomName, callee.ParticipantIdentity));
    }

    /// <summary>When the agent's leg has ended, the callee leaves the room (hangs up), as LiveKit reports it.</summary>
    private async Task EndWhenLegEndsAsync(IDisposable leg, Func<Task<(int ExitCode, string Output)>> ended, string room, string calleeIdentity,
        Func<Task>? beforeCalleeLeaves = null)
    {
        using (leg)
        {
            var (exitCode, output) = await ended();
            if (exitCode != 0)
            {
                Problems.Enqueue($"the agent leg of {room} (sipp) failed: {output}");
            }
        }
        if (beforeCalleeLeaves is not null)
        {
            await beforeCalleeLeaves();
        }
        await PostAsync(LiveKitWebhookSender.CallerLeft(room, calleeIdentity));
        await PostAsync(LiveKitWebhookSender.RoomFinished(room));
    }

    /// <summary>Waits until the control plane has the MediaHost's answer of the call (the record's answeredBy), as it must before it ends the call.</summary>
    private async Task WaitForMediaHostsAnswerAsync(string callId)
    {
        try
        {
            await ControlPlane.WaitForCallAsync(callId, c => c.GetProperty("record").GetProperty("answeredBy").ValueKind == JsonValueKind.String,
                TimeSpan.FromSeconds(60), "the MediaHost's answer reported");
        }
        catch (Exception e)
        {
            Problems.Enqueue($"the MediaHost's answer of {callId} never reached the control plane: {e.Message}");
        }
    }

    private async Task PostAsync(string webhook)
    {
        try
        {
            await Webhooks.PostAsync(webhook);
        }
        catch (Exception e)
        {
            Problems.Enqueue("webhook refused: " + e.Message);
        }
    }

    private async Task<SipOutboundTrunkInfo> CreateTrunkAsync(string name, string address, string number)
    {
        await using var services = new ServiceCollection()
            .AddLiveKitApi(o => { o.Url = LiveKit.Url.ToString(); o.ApiKey = LiveKit.ApiKey; o.ApiSecret = LiveKit.ApiSecret; })
            .BuildServiceProvider();
        return await services.GetRequiredService<SipServiceClient>().CreateOutboundTrunkAsync(
            new SipOutboundTrunkInfo { Name = name, Address = address, Numbers = [number] }).DefaultTimeout();
    }

    public string Tail() => MediaHost.Log.Length > 3000 ? MediaHost.Log[^3000..] : MediaHost.Log;

    public async ValueTask DisposeAsync()
    {
        while (_legs.TryDequeue(out var leg))
        {
            await Task.WhenAny(leg, Task.Delay(TimeSpan.FromSeconds(20)));
        }
        await MediaHost.DisposeAsync();
        await ControlPlane.DisposeAsync();
        await Reports.DisposeAsync();
        await LiveKit.DisposeAsync();
    }
}
