using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>
/// LiveKit mode: the MediaHost's answer with its answering-machine verdict can reach the control plane after the call
/// was finalized (the callee left at the moment of the hang-up). The verdict is still recorded; the call stays final.
/// </summary>
public sealed class LateMachineVerdictTests
{
    [SkippableFact]
    public async Task A_verdict_arriving_after_the_call_was_finalized_is_recorded_and_the_call_stays_final()
    {
        await using var harness = await OutboundHarness.StartAsync();
        var callId = OutboundCallIds.New();
        var ended = DateTimeOffset.UtcNow;
        await harness.Store.CreateAsync(new CallRecord
        {
            CallId = callId, RoomName = callId, Direction = CallDirection.Outbound, StartedAt = ended.AddSeconds(-3), EndedAt = ended,
            Outcome = CallOutcome.Abandoned, EndReason = CallEndReason.CallerHangUp, ReasonText = "the caller left before the agent answered",
        });
        var handler = ActivatorUtilities.CreateInstance<AgentEventsHandler>(harness.Rig.Services);
        var keys = harness.Rig.Get<IOptions<AgentEventsOptions>>().Value;
        var body = AgentEventParser.Serialize(new AgentEventMessage
        {
            Id = $"mh-{callId}-answered", CallId = callId, Type = AgentEventType.Answered, OccurredAt = ended.AddSeconds(-1), AnsweredBy = "machine",
        });
        var authorization = "Bearer " + new WebhookSigner(new LiveKitCredentials(keys.KeyId, keys.Secret), TimeProvider.System).Sign(body);

        var answer = await handler.HandleAsync(WebhookTestKit.Request(body, authorization, $"/api/calls/{callId}/events"), callId, harness.Client, CancellationToken.None);

        Assert.Equal(200, answer.Status);
        var record = (await harness.Store.GetAsync(callId))!;
        Assert.Equal("machine", record.AnsweredBy);
        Assert.Equal((CallOutcome.Abandoned, CallEndReason.CallerHangUp, ended), (record.Outcome, record.EndReason, record.EndedAt));
    }
}
