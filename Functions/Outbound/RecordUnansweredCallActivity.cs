using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// Writes the record of an outbound call the callee never answered (busy, no answer, rejected, failed), so it is in the
/// history and in GET /api/calls like every other call. An answered call's record is written by its call orchestration.
/// In LiveKit mode it also drops the events kept for a call orchestration that will now never start (the callee's
/// participant_left of a declined call, kept in case it was answered: see CallRoute.KeepUntilStarted).
/// </summary>
public sealed class RecordUnansweredCallActivity(CallStore store, Telemetry.ControlPlaneMetrics? metrics = null, Orchestrations.EarlyEventStore? early = null,
    Microsoft.Extensions.Options.IOptions<OutboundOptions>? options = null) : CallActivity<UnansweredCallInput, bool>
{
    public override async Task<bool> ExecuteAsync(UnansweredCallInput input, CancellationToken ct)
    {
        var (call, result) = (input.Call, input.Result);
        var record = new CallRecord
        {
            CallId = call.CallId,
            RoomName = call.CallId,
            CallerNumber = call.From,
            CalledNumber = call.To,
            Direction = CallDirection.Outbound,
            StartedAt = call.RequestedAt,
            EndedAt = input.EndedAt,
            Outcome = result.Outcome is DialOutcome.Busy or DialOutcome.NoAnswer or DialOutcome.Machine ? CallOutcome.Abandoned : CallOutcome.Failed,
            EndReason = result.Outcome switch
            {
                DialOutcome.NoAnswer => CallEndReason.CancelledBeforeAnswer,
                DialOutcome.Machine => CallEndReason.AgentHangUp,
                DialOutcome.Failed => CallEndReason.Error,
                _ => CallEndReason.Rejected,
            },
            ReasonText = result.Outcome == DialOutcome.Machine ? "outbound call answered by a machine: " + result.Reason : $"outbound call not answered ({result.Outcome}): {result.Reason}",
        };
        // A retried activity finds the record already there: that is the same record, nothing to change (nor to count).
        if (await store.CreateAsync(record, ct).ConfigureAwait(false))
        {
            metrics?.CallStarted(CallDirection.Outbound);
        }
        if (early is not null && options?.Value.Mode == OutboundMode.LiveKit)
        {
            await early.TakeAsync(call.CallId, ct).ConfigureAwait(false);
        }
        return true;
    }
}
