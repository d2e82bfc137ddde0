using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Api.Clients;

namespace VoiceFunctions.Functions.Timers;

/// <summary>
/// Closes calls whose end never arrived (LiveKit drops a webhook it cannot deliver within about 30 s,
/// and an orchestration's state can be lost with its backend). Open calls of any day that
/// started more than the grace period ago are checked against LiveKit: a room that is gone, or that
/// has no caller left, ends the call. If the call's orchestration still runs, the finding is raised
/// into it as an event and it finalizes the record itself; otherwise the record is closed here.
/// A call whose room still has its caller is left alone, unless it ran past the maximum duration.
/// </summary>
public sealed class CallReconciler(
    CallStore store,
    RoomServiceClient rooms,
    IOptions<ReconciliationOptions> options,
    IOptions<CallPolicyOptions> policy,
    ControlPlaneMetrics metrics,
    TimeProvider time,
    ILogger<CallReconciler> logger)
{
    public async Task<ReconciliationResult> RunAsync(DurableTaskClient durable, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromMinutes(options.Value.GracePeriodMinutes);
        var maxDuration = TimeSpan.FromMinutes(policy.Value.MaxCallDurationMinutes);
        var open = await store.ListAllOpenAsync(ct).ConfigureAwait(false);
        int checkedCount = 0, closed = 0, raised = 0;
        foreach (var call in open.Where(c => c.StartedAt < cutoff))
        {
            checkedCount++;
            var finding = await InspectAsync(call, now, maxDuration, ct).ConfigureAwait(false);
            if (finding is null)
            {
                continue;
            }
            var instance = await durable.GetInstanceAsync(call.CallId, getInputsAndOutputs: false, ct).ConfigureAwait(false);
            if (instance is { IsCompleted: false })
            {
                await durable.RaiseEventAsync(call.CallId, CallEvent.EventName, new CallEvent(finding.Value.Event, now) { Detail = finding.Value.Why }, ct).ConfigureAwait(false);
                raised++;
            }
            else
            {
                await CloseAsync(call.CallId, now, finding.Value.Reason, finding.Value.Why, ct).ConfigureAwait(false);
                closed++;
            }
            ReconciliationLog.Reconciled(logger, call.CallId, finding.Value.Why);
        }
        return new ReconciliationResult(open.Count, checkedCount, closed, raised);
    }

    private async Task<(CallEventKind Event, CallEndReason Reason, string Why)?> InspectAsync(CallSummary call, DateTimeOffset now, TimeSpan maxDuration, CancellationToken ct)
    {
        var room = (await rooms.ListRoomsAsync([call.RoomName], ct).ConfigureAwait(false)).FirstOrDefault(r => r.Name == call.RoomName);
        if (room is null)
        {
            return (CallEventKind.RoomFinished, CallEndReason.RoomClosed, "reconciliation: the room no longer exists in LiveKit (room_finished was never received)");
        }
        var participants = await rooms.ListParticipantsAsync(call.RoomName, ct).ConfigureAwait(false);
        var callerPresent = participants.Any(p => p.Kind == ParticipantKind.Sip && !p.Identity.StartsWith(policy.Value.AgentIdentityPrefix, StringComparison.Ordinal));
        if (!callerPresent)
        {
            await EndRoomAsync(call.RoomName, ct).ConfigureAwait(false);
            return (CallEventKind.CallerLeft, CallEndReason.CallerHangUp, "reconciliation: no caller is left in the room (participant_left was never received)");
        }
        if (now - call.StartedAt > maxDuration + TimeSpan.FromMinutes(options.Value.GracePeriodMinutes))
        {
            await EndRoomAsync(call.RoomName, ct).ConfigureAwait(false);
            return (CallEventKind.RoomFinished, CallEndReason.MaxDuration, "reconciliation: the call ran past the maximum duration and nothing ended it");
        }
        return null;
    }

    private async Task EndRoomAsync(string roomName, CancellationToken ct)
    {
        try
        {
            await rooms.DeleteRoomAsync(roomName, ct).ConfigureAwait(false);
        }
        catch (Shared.LiveKit.Api.Errors.LiveKitNotFoundException)
        {
        }
    }

    private async Task CloseAsync(string callId, DateTimeOffset now, CallEndReason reason, string why, CancellationToken ct)
    {
        // UpdateAsync returns the stored record also when nothing changed: only the call that closed it counts it.
        var closedNow = false;
        var record = await store.UpdateAsync(callId, r => (closedNow = r.IsOpen)
            ? r with
            {
                EndedAt = now,
                Outcome = CallEndRule.Decide(r.AnsweredAt is not null, reason).Outcome,
                EndReason = CallEndRule.Decide(r.AnsweredAt is not null, reason).Reason,
                ReasonText = why,
            }
            : null, ct).ConfigureAwait(false);
        if (closedNow && record is not null)
        {
            metrics.CallEnded(record);
        }
    }
}
