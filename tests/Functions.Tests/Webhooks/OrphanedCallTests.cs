using System.Text.Json;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Webhooks;

/// <summary>
/// A call whose orchestration is gone (the control plane's Durable state was lost, e.g. the local host restarted)
/// while its record is open: the event that ends it closes the record at once; other events leave it open.
/// </summary>
public sealed class OrphanedCallTests
{
    [SkippableFact]
    public async Task MediaHost_hangup_for_an_answered_call_without_orchestration_finalizes_it_as_completed()
    {
        const string room = "call-_+79990001122_orphan1";
        await using var h = await CallOrchestrationHarness.StartAsync();
        var kit = new WebhookTestKit(h.Storage);
        await OpenRecordAsync(h.Store, room, answered: true);
        await h.Store.AppendTurnAsync(new CallTurn { CallId = room, Sequence = 1, AgentText = "Hello", ResponseLatencyMs = 700, StartedAt = DateTimeOffset.UtcNow });

        var turn = await PostAgentEventAsync(kit, h, new AgentEventMessage
        {
            Id = "mh-orphan1-turn-2", CallId = room, Type = AgentEventType.Turn, OccurredAt = DateTimeOffset.UtcNow,
            Turn = new CallTurn { CallId = room, Sequence = 2, CallerText = "hours", AgentText = "Every day", ResponseLatencyMs = 900, StartedAt = DateTimeOffset.UtcNow },
        });
        Assert.Equal(nameof(CallDelivery.UnknownCall), turn);
        Assert.True((await h.Store.GetAsync(room))!.IsOpen); // a turn does not end the call

        var hangup = await PostAgentEventAsync(kit, h, new AgentEventMessage
        {
            Id = "mh-orphan1-hangup", CallId = room, Type = AgentEventType.Hangup, OccurredAt = DateTimeOffset.UtcNow, EndReason = CallEndReason.CallerHangUp,
        });

        Assert.Equal(nameof(CallDelivery.ClosedWithoutOrchestration), hangup);
        var record = (await h.Store.GetAsync(room))!;
        Assert.Equal((CallOutcome.Completed, CallEndReason.CallerHangUp), (record.Outcome, record.EndReason));
        Assert.StartsWith(OrphanedCallCloser.ReasonPrefix, record.ReasonText);
        Assert.Equal(2, record.TurnCount);
        Assert.NotNull(record.EndedAt);
    }

    [SkippableFact]
    public async Task Room_finished_for_an_unanswered_call_without_orchestration_finalizes_it_as_abandoned_and_a_repeat_changes_nothing()
    {
        const string room = "call-_+79990001122_orphan2";
        await using var h = await CallOrchestrationHarness.StartAsync();
        var kit = new WebhookTestKit(h.Storage);
        await OpenRecordAsync(h.Store, room, answered: false);

        var first = await PostWebhookAsync(kit, h, WebhookBodies.RoomFinished(room));
        var closed = (await h.Store.GetAsync(room))!;
        var second = await PostWebhookAsync(kit, h, WebhookBodies.CallerLeft(room));

        Assert.Equal(nameof(CallDelivery.ClosedWithoutOrchestration), first);
        Assert.Equal(nameof(CallDelivery.UnknownCall), second); // already closed: nothing to do
        Assert.Equal((CallOutcome.Abandoned, CallEndReason.CancelledBeforeAnswer), (closed.Outcome, closed.EndReason));
        Assert.Equal(closed.EndedAt, (await h.Store.GetAsync(room))!.EndedAt);
    }

    private static async Task OpenRecordAsync(CallStore store, string room, bool answered)
    {
        var now = DateTimeOffset.UtcNow;
        await store.CreateAsync(new CallRecord { CallId = room, RoomName = room, StartedAt = now.AddSeconds(-30), CallerNumber = "+79990001122" });
        if (answered)
        {
            await store.UpdateAsync(room, r => r with { AnsweredAt = now.AddSeconds(-28) });
        }
    }

    private static async Task<string> PostAgentEventAsync(WebhookTestKit kit, CallOrchestrationHarness h, AgentEventMessage message)
    {
        var body = WebhookTestKit.AgentEvent(message);
        var result = (HttpResponseResult)await new AgentEventsFunction(kit.AgentEvents)
            .Run(WebhookTestKit.Request(body, kit.SignAgentEvent(body), $"/api/calls/{message.CallId}/events"), message.CallId, h.Client, CancellationToken.None).DefaultTimeout();
        Assert.Equal(200, result.Status);
        return Answer(result).Status;
    }

    private static async Task<string> PostWebhookAsync(WebhookTestKit kit, CallOrchestrationHarness h, byte[] body)
    {
        var result = (HttpResponseResult)await new LiveKitWebhookFunction(kit.Webhooks)
            .Run(WebhookTestKit.Request(body, kit.SignWebhook(body)), h.Client, CancellationToken.None).DefaultTimeout();
        Assert.Equal(200, result.Status);
        return Answer(result).Status;
    }

    private static WebhookAnswer Answer(HttpResponseResult result) =>
        JsonSerializer.Deserialize<WebhookAnswer>(result.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}
