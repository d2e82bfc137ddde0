using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Activities;

/// <summary>
/// The orchestration's first step: the events delivered before it ran (see <see cref="EarlyEventStore"/>), and the
/// call's record written at once when the caller is known by then (from the start or from a kept CallerJoined).
/// One activity instead of two: on the Azure Storage provider every activity costs a work-item message, its result
/// message and one more orchestration episode (history read and append, instance row), about eight storage requests.
/// The kept events are removed only after the record is written, so a retry after a failure sees them again.
/// </summary>
public sealed class OpenCallActivity(EarlyEventStore early, CallStore store, ControlPlaneMetrics metrics, CallTimelineRecorder? timeline = null) : CallActivity<RecordCallInput, OpenCallResult>
{
    private readonly RecordCallActivity _record = new(store, metrics, timeline);

    public override async Task<OpenCallResult> ExecuteAsync(RecordCallInput input, CancellationToken ct)
    {
        var kept = await early.ReadAsync(input.CallId, ct).ConfigureAwait(false);
        // The caller the orchestration will hold after applying these events (CallState keeps the first one).
        var caller = input.Caller ?? kept.FirstOrDefault(e => e is { Kind: CallEventKind.CallerJoined, Caller: not null })?.Caller;
        if (caller is not null)
        {
            await _record.ExecuteAsync(input with { Caller = caller }, ct).ConfigureAwait(false);
        }
        await early.RemoveAsync(input.CallId, kept, ct).ConfigureAwait(false);
        return new OpenCallResult(kept, Recorded: caller is not null);
    }
}
