using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Activities;

/// <summary>
/// Writes how the call ended, with the turn count and latency summary computed from the stored turns.
/// A call already finalized is left as it is (a retried activity, or reconciliation got there first), so
/// the call's end metrics are recorded once.
/// </summary>
public sealed class FinalizeCallActivity(CallStore store, ControlPlaneMetrics metrics, CallTimelineRecorder? timeline = null) : CallActivity<FinalizeCallInput, bool>
{
    public override async Task<bool> ExecuteAsync(FinalizeCallInput input, CancellationToken ct)
    {
        var turns = await store.GetTurnsAsync(input.CallId, ct).ConfigureAwait(false);
        var latency = LatencySummary.From(turns.Where(t => t.ResponseLatencyMs is not null).Select(t => t.ResponseLatencyMs!.Value));
        // UpdateAsync returns the stored record also when nothing changed: only the call that closed it counts it.
        var closedNow = false;
        var record = await store.UpdateAsync(input.CallId, r => (closedNow = r.IsOpen)
            ? r with
            {
                EndedAt = input.EndedAt,
                Outcome = input.Outcome,
                EndReason = input.EndReason,
                ReasonText = input.ReasonText,
                DispatchAttempts = Math.Max(r.DispatchAttempts, input.DispatchAttempts),
                TurnCount = turns.Count,
                Latency = latency,
                TransferTo = input.TransferTo ?? r.TransferTo,
            }
            : null, ct).ConfigureAwait(false);
        await timeline.StepIfRecordingAsync(input.CallId, "finalize", "finalize", $"{input.Outcome}, {input.EndReason}: {input.ReasonText}", ct).ConfigureAwait(false);
        if (closedNow && record is not null)
        {
            metrics.CallEnded(record);
        }
        return record is not null;
    }
}
