using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Creates the call's record (idempotent: a retry after a crash writes nothing new, and counts no new call).</summary>
public sealed class RecordCallActivity(CallStore store, ControlPlaneMetrics metrics, CallTimelineRecorder? timeline = null) : CallActivity<RecordCallInput, bool>
{
    public override async Task<bool> ExecuteAsync(RecordCallInput input, CancellationToken ct)
    {
        var created = await store.CreateAsync(new CallRecord
        {
            CallId = input.CallId,
            RoomName = input.RoomName,
            // An answered outbound call (campaign attempts too) runs as an inbound one: only its id says we placed it.
            Direction = OutboundCallIds.DirectionOf(input.CallId),
            StartedAt = input.StartedAt,
            CallerNumber = input.Caller?.CallerNumber,
            CalledNumber = input.Caller?.CalledNumber,
            TrunkId = input.Caller?.TrunkId,
        }, ct).ConfigureAwait(false);
        await timeline.StepIfRecordingAsync(input.CallId, "record", "call recorded", input.Caller is null ? "no SIP caller known yet" : null, ct).ConfigureAwait(false);
        if (created)
        {
            metrics.CallStarted(OutboundCallIds.DirectionOf(input.CallId));
        }
        if (!created && input.Caller is { } caller)
        {
            // The record may have been made before the caller's details were known: fill them in once.
            await store.UpdateAsync(input.CallId, r => r.CallerNumber is null && r.TrunkId is null
                ? r with { CallerNumber = caller.CallerNumber, CalledNumber = caller.CalledNumber, TrunkId = caller.TrunkId }
                : null, ct).ConfigureAwait(false);
        }
        return created;
    }
}
