using System.Net.Http.Json;
using System.Text.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.TestSupport;

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
}
