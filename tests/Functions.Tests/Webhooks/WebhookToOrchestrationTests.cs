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
}
