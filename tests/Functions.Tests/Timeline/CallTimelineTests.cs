using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Calls.Timeline;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Timeline;

/// <summary>
/// The call timeline across both planes, in Azurite, with the orchestration running for real in the in-process
/// durable host: webhooks, orchestration steps, the MediaHost's reports with their SIP summary, and turns.
/// </summary>
public sealed class CallTimelineTests
{
    private static SipMessageSummary Sip(int sequence, DateTimeOffset at, string? method = null, int? status = null, string cseq = "INVITE", bool sent = false) => new()
    {
        Leg = "a1b2c3d4e5f6", Sequence = sequence, At = at, Method = method, Status = status, CSeqMethod = cseq,
        Direction = sent ? SipMessageDirection.Sent : SipMessageDirection.Received,
    };

    [SkippableFact]
    public async Task One_calls_timeline_holds_webhooks_orchestration_steps_SIP_messages_and_turns_in_the_order_they_happened()
    {
        const string room = "call-_+79990001122_timeline";
        await using var h = await CallOrchestrationHarness.StartAsync(new ScriptedAgentDispatcher().FailPermanently(1));
        var kit = new WebhookTestKit(h.Storage, CallOrchestrationHarness.FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(30) });
        var webhook = new LiveKitWebhookFunction(kit.Webhooks);
        var agentEvents = new AgentEventsFunction(kit.AgentEvents);
        async Task Post(byte[] body)
        {
            kit.Time.SetUtcNow(DateTimeOffset.UtcNow); // the webhook's receive time
            var result = (HttpResponseResult)await webhook.Run(WebhookTestKit.Request(body, kit.SignWebhook(body)), h.Client, CancellationToken.None).DefaultTimeout();
            Assert.Equal(200, result.Status);
        }
        async Task Report(AgentEventMessage message)
        {
            var body = WebhookTestKit.AgentEvent(message);
            var result = (HttpResponseResult)await agentEvents.Run(WebhookTestKit.Request(body, kit.SignAgentEvent(body), $"/api/calls/{room}/events"), room, h.Client, CancellationToken.None).DefaultTimeout();
            Assert.True(result.Status == 200, System.Text.Encoding.UTF8.GetString(result.Body));
        }

        await Post(WebhookBodies.RoomStarted(room, "EV_timeline_started"));
        await Post(WebhookBodies.CallerJoined(room, "EV_timeline_joined"));
        await h.WaitForPhaseAsync(room, CallPhase.WaitingForAgent); // the first dispatch was refused, the second went out

        // The MediaHost's clock: its leg starts after the re-dispatch went out, the answer report follows the ACK.
        var now = DateTimeOffset.UtcNow;
        IReadOnlyList<SipMessageSummary> answerLeg =
        [
            Sip(1, now.AddMilliseconds(1), method: "INVITE"), Sip(2, now.AddMilliseconds(2), status: 100, sent: true),
            Sip(3, now.AddMilliseconds(3), status: 200, sent: true), Sip(4, now.AddMilliseconds(4), method: "ACK", cseq: "ACK"),
        ];
        await Report(new AgentEventMessage { Id = "mh-answered", CallId = room, Type = AgentEventType.Answered, OccurredAt = now.AddMilliseconds(5), Sip = answerLeg });
        await h.WaitForPhaseAsync(room, CallPhase.InCall);
        await Report(new AgentEventMessage
        {
            Id = "mh-turn-1", CallId = room, Type = AgentEventType.Turn, OccurredAt = DateTimeOffset.UtcNow,
            Turn = new CallTurn
            {
                CallId = room, Sequence = 1, CallerText = "Алло", AgentText = "Здравствуйте!", StartedAt = now.AddMilliseconds(10),
                ResponseLatencyMs = 640, SttMs = 210, LlmFirstTokenMs = 280, TtsFirstAudioMs = 120,
            },
        });
        await Task.Delay(20);
        now = DateTimeOffset.UtcNow;
        await Report(new AgentEventMessage
        {
            Id = "mh-hangup", CallId = room, Type = AgentEventType.Hangup, OccurredAt = now, EndReason = CallEndReason.CallerHangUp,
            Sip = [.. answerLeg, Sip(5, now.AddMilliseconds(-3), method: "BYE", cseq: "BYE"), Sip(6, now.AddMilliseconds(-2), status: 200, cseq: "BYE", sent: true)],
        });
        await h.WaitForResultAsync(room);

        var timeline = await h.Store.GetTimelineAsync(room);
        var details = (await h.Store.GetDetailsAsync(room))!;
        Assert.Equal(timeline, details.Timeline);
        var seen = timeline.Select(e => $"{e.Source}: {e.Name}").ToList();
        string[] expected =
        [
            "Webhook: room_started", "Webhook: participant_joined", "Orchestration: call recorded", "Orchestration: dispatch",
            "Orchestration: dispatch failed", "Orchestration: re-dispatch", "Sip: INVITE received", "Sip: 100 sent (INVITE)",
            "Sip: 200 sent (INVITE)", "Sip: ACK received", "Agent: answered", "Orchestration: answered", "Turn: turn 1",
            "Sip: BYE received", "Sip: 200 sent (BYE)", "Agent: hangup", "Orchestration: end call in LiveKit", "Orchestration: finalize",
        ];
        Assert.Equal(expected, seen);
        Assert.Equal(timeline.Count, timeline.Select(e => e.EntryId).Distinct().Count()); // the answer leg came twice, stored once
        Assert.Equal("id EV_timeline_joined; CallerJoined", timeline[1].Detail);
        var turn = timeline.Single(e => e.Source == TimelineSource.Turn);
        Assert.Equal("voice-to-voice 640 ms; STT 210 ms, LLM first token 280 ms, TTS first audio 120 ms", turn.Detail);
        Assert.Equal((210, 280, 120), (turn.Turn!.SttMs, turn.Turn.LlmFirstTokenMs, turn.Turn.TtsFirstAudioMs));
        Assert.Equal(200, timeline.Single(e => e.Name == "200 sent (BYE)").SipStatus);
        Assert.StartsWith("Completed, CallerHangUp", timeline[^1].Detail);
        Assert.Equal(timeline.OrderBy(e => e.At).Select(e => e.At), timeline.Select(e => e.At));
    }

    [SkippableFact]
    public async Task The_same_fact_written_again_by_a_retry_stays_one_entry_and_keeps_its_first_time()
    {
        await using var storage = TestCallStorage.Create();
        var first = DateTimeOffset.UtcNow.AddSeconds(-5);
        Assert.True(await storage.Store.AppendTimelineAsync("c-retry", TimelineEntries.Webhook("EV_1", "room_started", first)));
        Assert.False(await storage.Store.AppendTimelineAsync("c-retry", TimelineEntries.Webhook("EV_1", "room_started", first.AddSeconds(3))));
        IReadOnlyCollection<CallTimelineEntry> sip = [.. Enumerable.Range(1, 3).Select(i => TimelineEntries.Sip(Sip(i, first.AddMilliseconds(i), method: "INVITE")))];
        await storage.Store.AppendTimelineAsync("c-retry", sip);
        await storage.Store.AppendTimelineAsync("c-retry", sip);
        var timeRecorder = new CallTimelineRecorder(storage.Store, TimeProvider.System, NullLogger<CallTimelineRecorder>.Instance);
        var dispatch = new DispatchAgentActivity(new ScriptedAgentDispatcher().FailTransiently(1), NullLogger<DispatchAgentActivity>.Instance, timeRecorder);
        var input = new DispatchAgentInput("c-retry", "c-retry", 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => dispatch.ExecuteAsync(input, CancellationToken.None));
        await dispatch.ExecuteAsync(input, CancellationToken.None); // the durable retry of the same attempt

        var timeline = await storage.Store.GetTimelineAsync("c-retry");

        Assert.Equal(["room_started", "INVITE received", "INVITE received", "INVITE received", "dispatch", "dispatch failed"], timeline.Select(e => e.Name));
        Assert.Equal(first, timeline[0].At);
        Assert.Equal("attempt 1: LiveKit answered 503", timeline[^1].Detail);
    }

    [SkippableFact]
    public async Task A_report_whose_SIP_summary_carries_header_text_is_refused_and_nothing_of_it_is_stored()
    {
        const string room = "call-_+79990001122_smuggle";
        await using var kit = new WebhookTestKit();
        await kit.Storage.Store.CreateAsync(new CallRecord { CallId = room, RoomName = room, StartedAt = DateTimeOffset.UtcNow });
        var secret = "Digest username=\"trunk\", response=\"6629fae49393a05397450978507c4ef1\"";
        var message = new AgentEventMessage
        {
            Id = "mh-smuggle", CallId = room, Type = AgentEventType.Hangup, OccurredAt = DateTimeOffset.UtcNow,
            Sip = [Sip(1, DateTimeOffset.UtcNow, method: "INVITE"), Sip(2, DateTimeOffset.UtcNow, method: "INVITE\r\nAuthorization: " + secret)],
        };
        var body = WebhookTestKit.AgentEvent(message);

        var result = await kit.AgentEvents.HandleAsync(WebhookTestKit.Request(body, kit.SignAgentEvent(body), $"/api/calls/{room}/events"), room, null!, CancellationToken.None);

        Assert.Equal(400, result.Status);
        Assert.Equal("a SIP summary's method must be an upper-case SIP method name", System.Text.Encoding.UTF8.GetString(result.Body));
        Assert.Empty(await kit.Storage.Store.GetTimelineAsync(room));
        var details = JsonSerializer.Serialize(CallDetailsResponse.From((await kit.Storage.Store.GetDetailsAsync(room))!), CallsApiJson.Options);
        Assert.DoesNotContain("6629fae4", details);
    }

    [SkippableFact]
    public async Task The_timeline_API_answers_with_the_ordered_entries_and_refuses_without_a_key()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        var store = rig.Get<CallStore>();
        var started = DateTimeOffset.UtcNow.AddMinutes(-1);
        // A webhook can be in the timeline before the orchestration has recorded the call.
        await store.AppendTimelineAsync("call-early", TimelineEntries.Webhook("EV_2", "participant_joined", started.AddSeconds(1)));
        await store.AppendTimelineAsync("call-early", TimelineEntries.Webhook("EV_1", "room_started", started));
        var calls = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Functions.Api.CallsApiFunctions>(rig.Services);
        Microsoft.AspNetCore.Http.HttpRequest Get(string path, bool withKey)
        {
            var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            context.Request.Method = "GET";
            context.Request.Path = path;
            if (withKey)
            {
                context.Request.Headers["x-functions-key"] = rig.ApiKeySecret;
            }
            return context.Request;
        }

        var found = (HttpResponseResult)await calls.Timeline(Get("/api/calls/call-early/timeline", true), "call-early", CancellationToken.None).DefaultTimeout();
        var missing = (HttpResponseResult)await calls.Timeline(Get("/api/calls/nope/timeline", true), "nope", CancellationToken.None).DefaultTimeout();
        var refused = (HttpResponseResult)await calls.Timeline(Get("/api/calls/call-early/timeline", false), "call-early", CancellationToken.None).DefaultTimeout();

        Assert.Equal(200, found.Status);
        var timeline = JsonSerializer.Deserialize<CallTimelineResponse>(found.Body, CallsApiJson.Options)!;
        Assert.Equal("call-early", timeline.CallId);
        Assert.Equal(["room_started", "participant_joined"], timeline.Entries.Select(e => e.Name));
        Assert.Equal((404, 401), (missing.Status, refused.Status));
    }
}
