using System.Text.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Transfers;

/// <summary>
/// The agent's transfer of the caller to a human, across both planes, in both modes: the caller presses 0 (SIP INFO
/// from sipp), the MediaHost's agent transfers, and the local control plane records the call as Transferred with the
/// target, keeping the call (and in LiveKit mode the room) until the transfer completed or failed.
/// Direct mode: the MediaHost's REFER on the caller's own leg, sipp as the carrier answering 202 and NOTIFY sipfrag.
/// LiveKit mode: the loopback LiveKit API test server and webhooks signed by the official Node SDK; the transfer is
/// TransferSIPParticipant on the caller's participant, never a REFER on the MediaHost's leg.
/// </summary>
[Trait("Category", "System")]
public sealed class TransferAcrossPlanesTests
{
    private const string Target = "sip:desk@pbx.example";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Direct_mode_REFER_completed_by_the_carrier_is_recorded_as_transferred_with_its_target_after_the_NOTIFY()
    {
        await using var controlPlane = await LocalControlPlane.StartAsync();
        await using var mediaHost = await SystemMediaHost.StartAsync(controlPlane.BaseUrl, controlPlane.EventsSecret, MediaHostSettings());
        using var carrier = await TransferCaller.StartAsync(mediaHost.SipEndpoint, "carrier-completes-refer.xml");

        var (exitCode, output) = await carrier.WaitAsync(); // sipp checked the Refer-To and got the BYE after its NOTIFY
        Assert.True(exitCode == 0, $"the carrier (sipp) failed:\n{output}\nMediaHost:\n{Tail(mediaHost.Log)}");
        var call = await controlPlane.WaitForFinalizedCallAsync(CallTimeout);

        var record = call.GetProperty("record");
        Assert.True(record.GetProperty("outcome").GetString() == "Transferred", $"{call}\nMediaHost:\n{Tail(mediaHost.Log)}");
        Assert.Equal("Transferred", record.GetProperty("endReason").GetString());
        Assert.Equal(Target, record.GetProperty("transferTo").GetString());
        Assert.DoesNotContain("pbx.example", record.GetProperty("reasonText").GetString()); // the reason is also the live status
        // The call was kept until the carrier said how the transfer went: the MediaHost's hangup follows the NOTIFY.
        var notified = EntryAt(call, "sip", "NOTIFY received");
        Assert.True(EntryAt(call, "agent", "hangup") >= notified, "the hangup was reported before the transfer completed: " + call.GetProperty("timeline"));
    }

    [SkippableFact]
    public async Task Direct_mode_REFER_the_carrier_fails_keeps_the_call_with_the_agent_until_the_caller_hangs_up()
    {
        await using var controlPlane = await LocalControlPlane.StartAsync();
        await using var mediaHost = await SystemMediaHost.StartAsync(controlPlane.BaseUrl, controlPlane.EventsSecret, MediaHostSettings());
        using var carrier = await TransferCaller.StartAsync(mediaHost.SipEndpoint, "carrier-fails-refer.xml");

        var (exitCode, output) = await carrier.WaitAsync(); // the MediaHost did not hang up after the failure: sipp sent the BYE
        Assert.True(exitCode == 0, $"the carrier (sipp) failed:\n{output}\nMediaHost:\n{Tail(mediaHost.Log)}");
        var call = await controlPlane.WaitForFinalizedCallAsync(CallTimeout);

        var record = call.GetProperty("record");
        Assert.True((record.GetProperty("outcome").GetString(), record.GetProperty("endReason").GetString()) == ("Completed", "CallerHangUp"),
            $"{call}\nMediaHost:\n{Tail(mediaHost.Log)}");
        Assert.Equal(JsonValueKind.Null, record.GetProperty("transferTo").ValueKind);
        EntryAt(call, "sip", "NOTIFY received"); // the REFER was made and failed
    }

    [SkippableFact]
    public async Task LiveKit_mode_transfer_goes_through_TransferSIPParticipant_on_the_callers_participant_and_the_room_stays_until_it_completed()
    {
        await using var rig = await LiveKitModeRig.StartAsync(mediaHostSettings: MediaHostSettings());
        const string callerNumber = "+15557654321";
        var room = "call-_" + callerNumber + "_" + Guid.NewGuid().ToString("N")[..8];
        var callId = CallIds.FromRoomName(room);
        var callerIdentity = "sip_" + callerNumber;
        rig.LiveKit.State.AddRoom(room);
        rig.LiveKit.State.AddParticipant(room, callerIdentity, ParticipantKind.Sip,
            new Dictionary<string, string> { ["sip.phoneNumber"] = callerNumber });
        using var legs = new SippLegs();
        rig.LiveKit.OnCreateSipParticipant = async (dial, _) =>
            legs.Add(await TransferCaller.StartAsync(rig.MediaHost.SipEndpoint, "agent-leg-asks-transfer.xml",
                new BridgeLeg(dial.Request.SipCallTo, dial.Trunk.Numbers[0], dial.Request.Headers)));
        // LiveKit answers TransferSIPParticipant once the far end took the call; meanwhile the test looks at both planes,
        // then the transferred caller leaves the room (as LiveKit reports it) before the answer.
        var during = new TaskCompletionSource<(bool RoomKept, string? Outcome, string? Status)>(TaskCreationOptions.RunContinuationsAsynchronously);
        rig.LiveKit.OnTransferSipParticipant = async (_, _) =>
        {
            try
            {
                var recordDuring = await rig.ControlPlane.GetCallAsync(callId);
                var instance = await rig.ControlPlane.Durable.GetInstanceAsync(callId, getInputsAndOutputs: true); // the custom status comes only with them
                during.TrySetResult((rig.LiveKit.State.GetRooms().Any(r => r.Name == room),
                    recordDuring?.GetProperty("record").GetProperty("outcome").GetString(), instance?.SerializedCustomStatus));
                await rig.Webhooks.PostAsync(LiveKitWebhookSender.CallerLeft(room, callerIdentity));
            }
            catch (Exception e)
            {
                during.TrySetException(e);
            }
        };

        Assert.Equal("Started", await rig.Webhooks.PostAsync(LiveKitWebhookSender.RoomStarted(room)));
        Assert.Equal("Raised", await rig.Webhooks.PostAsync(LiveKitWebhookSender.CallerJoined(room, callerIdentity, callerNumber, "+15550004444")));

        var (roomKept, outcomeDuring, statusDuring) = await during.Task.WaitAsync(CallTimeout);
        var call = await rig.ControlPlane.WaitForCallAsync(callId, LocalControlPlane.IsFinalized, CallTimeout, "the transferred call finalized");
        var (exitCode, output) = await legs.Single().WaitAsync(); // the MediaHost hung up its leg after asking for the transfer
        Assert.True(exitCode == 0, $"the agent leg (sipp) failed:\n{output}\nMediaHost:\n{Tail(rig.MediaHost.Log)}");

        Assert.True(roomKept, "the room was deleted while TransferSIPParticipant ran");
        Assert.Equal("InProgress", outcomeDuring);
        Assert.Contains("Transferring", statusDuring);
        var transfer = Assert.Single(rig.LiveKit.State.GetTransfers());
        Assert.Equal((room, callerIdentity, Target), (transfer.RoomName, transfer.ParticipantIdentity, transfer.TransferTo)); // the caller's participant
        Assert.NotEqual(callerIdentity, Assert.Single(rig.LiveKit.State.GetDials()).ParticipantIdentity);
        Assert.DoesNotContain(rig.LiveKit.State.GetRooms(), r => r.Name == room); // closed once the caller was handed on
        var record = call.GetProperty("record");
        Assert.True((record.GetProperty("outcome").GetString(), record.GetProperty("endReason").GetString()) == ("Transferred", "Transferred"),
            $"{call}\nMediaHost:\n{Tail(rig.MediaHost.Log)}");
        Assert.Equal(Target, record.GetProperty("transferTo").GetString());
    }

    /// <summary>The demo dialog (no intent ends or transfers the call) and the operator's address for DTMF 0.</summary>
    private static Dictionary<string, string> MediaHostSettings() => new()
    {
        ["AiLoop__Providers__DialogScriptPath"] = Path.Combine(AppContext.BaseDirectory, "demo-dialog.yaml"),
        ["AiLoop__TransferTarget"] = Target,
    };

    /// <summary>The time of the first timeline entry from <paramref name="source"/> named <paramref name="name"/>; fails when there is none.</summary>
    private static DateTimeOffset EntryAt(JsonElement call, string source, string name)
    {
        foreach (var entry in call.GetProperty("timeline").EnumerateArray())
        {
            if (string.Equals(entry.GetProperty("source").GetString(), source, StringComparison.OrdinalIgnoreCase) && entry.GetProperty("name").GetString() == name)
            {
                return entry.GetProperty("at").GetDateTimeOffset();
            }
        }
        throw new Xunit.Sdk.XunitException($"no {source} entry \"{name}\" in the timeline: {call.GetProperty("timeline")}");
    }

    private static string Tail(string log) => log[^Math.Min(6000, log.Length)..];
}
