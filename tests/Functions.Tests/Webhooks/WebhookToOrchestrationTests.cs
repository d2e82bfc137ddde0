using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Webhooks;

/// <summary>
/// Real-shaped, signed webhooks and agent events through the function classes into a real durable
/// orchestration (in-process host) and on to a finalized call record in Azurite.
/// </summary>
public sealed class WebhookToOrchestrationTests
{
    private const string Room = "call-_+79990001122_e2e";

    [SkippableFact]
    public async Task A_call_from_room_started_to_room_finished_ends_as_a_finalized_record()
    {
        await using var h = await CallOrchestrationHarness.StartAsync();
        var kit = new WebhookTestKit(h.Storage, CallOrchestrationHarness.FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30) });
        var webhook = new LiveKitWebhookFunction(kit.Webhooks);
        var agentEvents = new AgentEventsFunction(kit.AgentEvents);
        async Task<int> Post(byte[] body)
        {
            var result = (HttpResponseResult)await webhook.Run(WebhookTestKit.Request(body, kit.SignWebhook(body)), h.Client, CancellationToken.None).DefaultTimeout();
            return result.Status;
        }

        Assert.Equal(200, await Post(WebhookBodies.RoomStarted(Room)));
        var joined = WebhookBodies.CallerJoined(Room);
        Assert.Equal(200, await Post(joined));
        Assert.Equal(200, await Post(joined)); // LiveKit redelivers
        await h.WaitForPhaseAsync(Room, CallPhase.WaitingForAgent);
        Assert.Equal(200, await Post(WebhookBodies.SipAgentJoined(Room, "active")));
        await h.WaitForPhaseAsync(Room, CallPhase.InCall);

        var turn = WebhookTestKit.AgentEvent(new AgentEventMessage
        {
            Id = "mh-turn-1", CallId = Room, Type = AgentEventType.Turn, OccurredAt = DateTimeOffset.UtcNow,
            Turn = new CallTurn { CallId = Room, Sequence = 1, CallerText = "Алло", AgentText = "Здравствуйте!", ResponseLatencyMs = 640 },
        });
        var turnResult = (HttpResponseResult)await agentEvents.Run(WebhookTestKit.Request(turn, kit.SignAgentEvent(turn), $"/api/calls/{Room}/events"), Room, h.Client, CancellationToken.None);
        Assert.Equal(200, turnResult.Status);

        Assert.Equal(200, await Post(WebhookBodies.CallerLeft(Room)));
        var result = await h.WaitForResultAsync(Room);
        Assert.Equal(200, await Post(WebhookBodies.RoomFinished(Room))); // after the end: dropped, still 200

        Assert.Equal((CallOutcome.Completed, CallEndReason.CallerHangUp), (result.Outcome, result.EndReason));
        var details = (await h.Store.GetDetailsAsync(Room))!;
        Assert.Equal(CallOutcome.Completed, details.Record.Outcome);
        Assert.Equal("+79990001122", details.Record.CallerNumber);
        Assert.Equal("ST_in", details.Record.TrunkId);
        Assert.NotNull(details.Record.AnsweredAt);
        Assert.Equal(1, details.Record.TurnCount);
        Assert.Equal(640, details.Record.Latency.P50Ms);
        Assert.Equal("Здравствуйте!", Assert.Single(details.Turns).AgentText);
        Assert.Single(h.Dispatcher.Calls);
    }

    [SkippableFact]
    public async Task A_second_answer_for_a_call_already_in_progress_is_acknowledged_without_raising_it_into_the_orchestration()
    {
        const string room = "call-_+79990001122_twice";
        await using var h = await CallOrchestrationHarness.StartAsync();
        var kit = new WebhookTestKit(h.Storage, CallOrchestrationHarness.FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30) });
        var post = Poster(kit, h);

        Assert.Equal(200, (await post(WebhookBodies.CallerJoined(room))).Status);
        await h.WaitForPhaseAsync(room, CallPhase.WaitingForAgent);
        Assert.Equal("Raised", (await post(WebhookBodies.SipAgentJoined(room, "active"))).Answer.Status);
        await h.WaitForPhaseAsync(room, CallPhase.InCall);
        // LiveKit reports the answer again (the agent's published track): nothing for the orchestration to do.
        Assert.Equal("NothingNew", (await post(WebhookBodies.SipAgentJoined(room, "active", id: "EV_track_published"))).Answer.Status);
        Assert.Equal("Raised", (await post(WebhookBodies.CallerLeft(room))).Answer.Status);

        var result = await h.WaitForResultAsync(room);
        Assert.Equal((CallOutcome.Completed, CallEndReason.CallerHangUp), (result.Outcome, result.EndReason));
        Assert.NotNull((await h.Store.GetAsync(room))!.AnsweredAt);
    }

    [SkippableFact]
    public async Task Egress_webhooks_during_a_call_leave_the_recording_result_in_the_record_without_moving_the_call()
    {
        const string room = "call-_+79990001122_rec";
        await using var h = await CallOrchestrationHarness.StartAsync();
        var kit = new WebhookTestKit(h.Storage, CallOrchestrationHarness.FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30) });
        var post = Poster(kit, h);

        Assert.Equal(200, (await post(WebhookBodies.CallerJoined(room))).Status);
        await h.WaitForPhaseAsync(room, CallPhase.WaitingForAgent);
        Assert.Equal(200, (await post(WebhookBodies.SipAgentJoined(room, "active"))).Status);
        await h.WaitForPhaseAsync(room, CallPhase.InCall);

        const long t0 = 1771351905000000000;
        Assert.Equal("Raised", (await post(WebhookBodies.Egress("egress_started", room, "EG_rec", "EGRESS_STARTING", t0))).Answer.Status);
        await post(WebhookBodies.Egress("egress_updated", room, "EG_rec", "EGRESS_ACTIVE", t0 + 1_000_000_000));
        var active = await WaitForRecordingAsync(h, room, r => r.Status == "Active");
        Assert.False(active.Ended);
        await post(WebhookBodies.Egress("egress_ended", room, "EG_rec", "EGRESS_COMPLETE", t0 + 60_000_000_000, fileLocation: "https://store/calls/EG_rec.ogg"));
        await post(WebhookBodies.Egress("egress_updated", room, "EG_rec", "EGRESS_ENDING", t0 + 59_000_000_000)); // delivered late
        var ended = await WaitForRecordingAsync(h, room, r => r.Ended);

        var status = await h.WaitForPhaseAsync(room, CallPhase.InCall); // the recording did not move the call
        Assert.Equal(CallOutcome.InProgress, status.Outcome);
        Assert.Equal(200, (await post(WebhookBodies.CallerLeft(room))).Status);
        var result = await h.WaitForResultAsync(room);

        Assert.Equal((CallOutcome.Completed, CallEndReason.CallerHangUp), (result.Outcome, result.EndReason));
        var record = (await h.Store.GetAsync(room))!;
        Assert.Equal(CallOutcome.Completed, record.Outcome);
        Assert.Equal(new CallRecording("EG_rec", "Complete", true, "https://store/calls/EG_rec.ogg", null, DateTimeOffset.FromUnixTimeSeconds(1771351965), TimeSpan.FromSeconds(61), 48213), record.Recording);
        Assert.Equal(ended, record.Recording);
    }

    [SkippableFact]
    public async Task Egress_ended_after_room_finished_is_stored_in_the_record_and_for_an_unknown_call_is_acknowledged_and_dropped()
    {
        const string room = "call-_+79990001122_late";
        await using var h = await CallOrchestrationHarness.StartAsync();
        var kit = new WebhookTestKit(h.Storage, CallOrchestrationHarness.FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30) });
        var post = Poster(kit, h);
        await post(WebhookBodies.CallerJoined(room));
        await h.WaitForPhaseAsync(room, CallPhase.WaitingForAgent);
        await post(WebhookBodies.SipAgentJoined(room, "active"));
        await h.WaitForPhaseAsync(room, CallPhase.InCall);
        await post(WebhookBodies.RoomFinished(room));
        var result = await h.WaitForResultAsync(room);

        var late = await post(WebhookBodies.Egress("egress_ended", room, "EG_late", "EGRESS_COMPLETE", 1771352001000000000, fileLocation: "https://store/x.ogg"));
        var unknown = await post(WebhookBodies.Egress("egress_ended", "call-_+79990001122_nobody", "EG_x", "EGRESS_FAILED", 1771352001000000000, error: "no room"));

        Assert.Equal((200, nameof(CallDelivery.RecordingStoredAfterEnd)), (late.Status, late.Answer.Status));
        Assert.Equal((200, nameof(CallDelivery.UnknownCall)), (unknown.Status, unknown.Answer.Status));
        Assert.Equal((CallOutcome.Completed, CallEndReason.RoomClosed), (result.Outcome, result.EndReason));
        var record = (await h.Store.GetAsync(room))!;
        Assert.Equal((CallOutcome.Completed, CallEndReason.RoomClosed), (record.Outcome, record.EndReason));
        Assert.Equal(("EG_late", true, "https://store/x.ogg"), (record.Recording!.EgressId, record.Recording.Ended, record.Recording.Location));
        Assert.Null(await h.Store.GetAsync("call-_+79990001122_nobody"));
    }

    [SkippableFact]
    public async Task Transfer_requested_by_the_mediahost_in_LiveKit_mode_transfers_the_callers_participant_then_closes_the_room()
    {
        const string room = "call-_+79990001122_refer";
        await using var h = await CallOrchestrationHarness.StartAsync();
        var kit = new WebhookTestKit(h.Storage, CallOrchestrationHarness.FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30), HumanTransferTo = "tel:+74951112233" });
        var post = Poster(kit, h);
        await post(WebhookBodies.CallerJoined(room));
        await h.WaitForPhaseAsync(room, CallPhase.WaitingForAgent);
        await post(WebhookBodies.SipAgentJoined(room, "active"));
        await h.WaitForPhaseAsync(room, CallPhase.InCall);

        var transfer = WebhookTestKit.AgentEvent(new AgentEventMessage
        {
            Id = "mh-transfer-1", CallId = room, Type = AgentEventType.Transfer, OccurredAt = DateTimeOffset.UtcNow, TransferTo = "sip:+74951112233@pbx.example",
        });
        var answer = (HttpResponseResult)await new AgentEventsFunction(kit.AgentEvents)
            .Run(WebhookTestKit.Request(transfer, kit.SignAgentEvent(transfer), $"/api/calls/{room}/events"), room, h.Client, CancellationToken.None).DefaultTimeout();
        var result = await h.WaitForResultAsync(room);
        await post(WebhookBodies.CallerLeft(room)); // the caller later hangs up on the human: nothing more happens

        Assert.Equal(200, answer.Status);
        Assert.Equal((CallOutcome.Transferred, CallEndReason.Transferred), (result.Outcome, result.EndReason));
        // TransferSIPParticipant on the caller's participant (from participant_joined), not the MediaHost's leg; once it
        // completed the caller's SIP leg has left for the human, so closing the room only drops the agent's leg.
        Assert.Equal([(room, WebhookBodies.CallerIdentity, "sip:+74951112233@pbx.example")], h.Control.Transfers);
        Assert.Equal([room], h.Control.EndedRooms);
        var record = (await h.Store.GetAsync(room))!;
        Assert.Equal((CallOutcome.Transferred, CallEndReason.Transferred), (record.Outcome, record.EndReason));
        Assert.Contains("TransferSIPParticipant", record.ReasonText);
        Assert.Equal("sip:+74951112233@pbx.example", record.TransferTo);
        Assert.NotNull(record.AnsweredAt);
    }

    private static Func<byte[], Task<(int Status, WebhookAnswer Answer)>> Poster(WebhookTestKit kit, CallOrchestrationHarness h)
    {
        var webhook = new LiveKitWebhookFunction(kit.Webhooks);
        return async body =>
        {
            var result = (HttpResponseResult)await webhook.Run(WebhookTestKit.Request(body, kit.SignWebhook(body)), h.Client, CancellationToken.None).DefaultTimeout();
            var answer = result.Status == 200 ? JsonSerializer.Deserialize<WebhookAnswer>(result.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web)) : null;
            return (result.Status, answer ?? new WebhookAnswer("", null, null));
        };
    }

    private static async Task<CallRecording> WaitForRecordingAsync(CallOrchestrationHarness h, string callId, Func<CallRecording, bool> until)
    {
        var deadline = DateTime.UtcNow + TaskTimeoutExtensions.Standard;
        while (DateTime.UtcNow < deadline)
        {
            if ((await h.Store.GetAsync(callId).DefaultTimeout())?.Recording is { } recording && until(recording))
            {
                return recording;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"the record of {callId} never showed the expected recording");
    }
}
