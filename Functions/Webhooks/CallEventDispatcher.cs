using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Recording;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// Delivers a routed event to the call's orchestration (instance id = call id): starts it when the
/// event may start a call and none runs, otherwise raises the event into it. Idempotent: when two
/// deliveries race to start the same call, the loser finds the winner's instance and raises instead.
/// An event that ends a call whose orchestration is gone but whose record is open closes the record
/// through <paramref name="orphans"/> (when given). A recording report for a call whose orchestration is
/// over (egress_ended arrives after the upload, often after the room closed) is stored in the record through
/// <paramref name="lateRecordings"/> (when given).
/// </summary>
public sealed class CallEventDispatcher(CallSettings settings, OrphanedCallCloser? orphans = null, LateRecordingWriter? lateRecordings = null)
{
    public async Task<CallDelivery> DeliverAsync(CallRoute route, DurableTaskClient client, CancellationToken ct)
    {
        var instance = await client.GetInstanceAsync(route.CallId, getInputsAndOutputs: false, ct).ConfigureAwait(false);
        if (instance is null)
        {
            if (!route.StartIfMissing)
            {
                if (await TryStoreLateRecordingAsync(route, ct).ConfigureAwait(false))
                {
                    return CallDelivery.RecordingStoredAfterEnd;
                }
                return route.Event is { } ending && orphans is not null && await orphans.TryCloseAsync(route.CallId, ending, ct).ConfigureAwait(false)
                    ? CallDelivery.ClosedWithoutOrchestration
                    : CallDelivery.UnknownCall;
            }
            var start = new CallStart(route.CallId, route.RoomName, route.OccurredAt, route.Caller, settings, route.Direct);
            try
            {
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(CallOrchestrator), start, new StartOrchestrationOptions(InstanceId: route.CallId), ct).ConfigureAwait(false);
                return CallDelivery.Started;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Another delivery may have started it a moment ago; if so, fall through and raise into it.
                instance = await client.GetInstanceAsync(route.CallId, getInputsAndOutputs: false, ct).ConfigureAwait(false);
                if (instance is null)
                {
                    throw;
                }
            }
        }
        if (instance.IsCompleted)
        {
            return await TryStoreLateRecordingAsync(route, ct).ConfigureAwait(false) ? CallDelivery.RecordingStoredAfterEnd : CallDelivery.CallAlreadyFinished;
        }
        if (route.Event is null)
        {
            return CallDelivery.Raised; // room_started for a call that already runs: nothing to add
        }
        await client.RaiseEventAsync(route.CallId, CallEvent.EventName, route.Event, ct).ConfigureAwait(false);
        return CallDelivery.Raised;
    }

    private async Task<bool> TryStoreLateRecordingAsync(CallRoute route, CancellationToken ct) =>
        route.Event is { Kind: CallEventKind.RecordingUpdated, Recording: { } recording } && lateRecordings is not null
        && await lateRecordings.StoreAsync(route.CallId, recording, ct).ConfigureAwait(false);
}
