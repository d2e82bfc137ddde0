using System.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>
/// LiveKit mode: the dial's answer starts an outbound call's orchestration a few Durable steps after LiveKit answered,
/// so a callee who hangs up at once may leave the room before that orchestration exists. Its participant_left must be
/// kept for the orchestration (which then ends the call as the callee hanging up), not dropped (the call would run
/// until the agent's leg ended). The webhook goes through the real handler, signed as LiveKit signs it.
/// </summary>
public sealed class EarlyCalleeHangUpTests
{
    [SkippableFact]
    public async Task A_callee_leaving_before_the_answered_calls_orchestration_started_ends_that_call_as_the_callee_hanging_up_before_the_agent_answered()
    {
        await using var harness = await OutboundHarness.StartAsync();
        var webhooks = ActivatorUtilities.CreateInstance<LiveKitWebhookHandler>(harness.Rig.Services);
        var signer = new WebhookSigner(new LiveKitCredentials(harness.Rig.LiveKit.ApiKey, harness.Rig.LiveKit.ApiSecret), TimeProvider.System);
        var delivered = new List<string>();
        harness.Rig.LiveKit.OnCreateSipParticipant = async (dial, ct) =>
        {
            if (dial.Request.SipTrunkId != harness.CalleeTrunkId)
            {
                return; // the agent's dispatch: nothing to play
            }
            // The callee answers and hangs up at once: LiveKit reports it leaving before the dial request has returned.
            var body = Encoding.UTF8.GetBytes($$$"""
                {"event":"participant_left","room":{"sid":"RM_1","name":"{{{dial.Request.RoomName}}}"},
                 "participant":{"sid":"PA_1","identity":"{{{dial.Participant.ParticipantIdentity}}}","state":"DISCONNECTED","kind":"SIP",
                   "attributes":{"sip.phoneNumber":"{{{dial.Request.SipCallTo}}}","sip.trunkPhoneNumber":"+15550002222","sip.callStatus":"hangup"}},
                 "id":"EV_left_{{{dial.Request.RoomName}}}","createdAt":"{{{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}}}"}
                """);
            var answer = await webhooks.HandleAsync(WebhookTestKit.Request(body, signer.Sign(body)), harness.Client, ct);
            delivered.Add($"{answer.Status} {Encoding.UTF8.GetString(answer.Body)}");
        };

        var placed = await harness.PlaceOkAsync(new PlaceCallRequest { To = "+15550001111" });

        Assert.Equal(DialOutcome.Answered, (await harness.WaitForDialAsync(placed.CallId)).Outcome);
        Assert.True(delivered is [var only] && only.StartsWith("200 ", StringComparison.Ordinal), string.Join("; ", delivered));
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // a hang's bound, not a timing
        var call = await harness.Client.WaitForInstanceCompletionAsync(placed.CallId, getInputsAndOutputs: false, bound.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, call.RuntimeStatus);
        var record = await harness.Store.GetAsync(placed.CallId);
        Assert.NotNull(record);
        // Ended by the callee's leaving (before any agent answered, as an inbound caller hanging up while it rings), not
        // by an agent's leg that would otherwise have been dispatched and run on.
        Assert.True((CallDirection.Outbound, CallOutcome.Abandoned, CallEndReason.CancelledBeforeAnswer) == (record.Direction, record.Outcome, record.EndReason),
            $"{record.Outcome} {record.EndReason}: {record.ReasonText}");
        Assert.StartsWith("the caller left before the agent answered", record.ReasonText);
    }
}
