using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Recording;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// Delivers a routed event to the call's orchestration (instance id = call id): starts it when the
/// event may start a call and none runs, otherwise raises the event into it. Idempotent: when two
/// deliveries race to start the same call, the loser finds the winner's instance and raises instead.
/// An event for a call whose orchestration has not started running yet (being started, or Pending) is also kept in
/// <paramref name="early"/>, which the orchestration reads first: the Azure Storage provider may discard a raise
/// into an instance whose start it has not processed, and a start that loses a race is dropped with its input.
/// An event that ends a call whose orchestration is gone but whose record is open closes the record
/// through <paramref name="orphans"/> (when given). A recording report for a call whose orchestration is
/// over (egress_ended arrives after the upload, often after the room closed) is stored in the record through
/// <paramref name="lateRecordings"/> (when given). An event routed <see cref="CallRoute.KeepUntilStarted"/> for a call
/// with no orchestration yet is kept for the orchestration's start (a call never answered drops it, see
/// RecordUnansweredCallActivity).
/// </summary>
public sealed class CallEventDispatcher(CallSettings settings, EarlyEventStore early, OrphanedCallCloser? orphans = null, LateRecordingWriter? lateRecordings = null)
{
    /// <summary>
    /// The call's orchestration instance as it is now, or null when none exists (the lookup <see cref="DeliverAsync(CallRoute, OrchestrationMetadata?, DurableTaskClient, CancellationToken)"/> takes).
    /// With its custom status (<see cref="RedundantEvents"/> reads the phase), which the client returns only with inputs and
    /// outputs; the provider reads the same instance row either way.
    /// </summary>
    public Task<OrchestrationMetadata?> FindAsync(string callId, DurableTaskClient client, CancellationToken ct) =>
        client.GetInstanceAsync(callId, getInputsAndOutputs: true, ct);

    public async Task<CallDelivery> DeliverAsync(CallRoute route, DurableTaskClient client, CancellationToken ct) =>
        await DeliverAsync(route, await FindAsync(route.CallId, client, ct).ConfigureAwait(false), client, ct).ConfigureAwait(false);

    /// <summary>Delivers <paramref name="route"/> given the instance <see cref="FindAsync"/> found (looked up by the caller, alongside its own work).</summary>
    public async Task<CallDelivery> DeliverAsync(CallRoute route, OrchestrationMetadata? found, DurableTaskClient client, CancellationToken ct)
    {
        var callEvent = route.Event is { SourceEventId: null } anonymous
            ? anonymous with { SourceEventId = "cp-" + Guid.NewGuid().ToString("N") } // one id for its kept and raised copies
            : route.Event;
        var instance = found;
        var keptForStart = false;
        if (instance is null)
        {
            if (!route.StartIfMissing && route.KeepUntilStarted && callEvent is not null)
            {
                return await KeepUntilStartedAsync(route with { Event = callEvent }, client, ct).ConfigureAwait(false);
            }
            if (!route.StartIfMissing)
            {
                if (await TryStoreLateRecordingAsync(route, ct).ConfigureAwait(false))
                {
                    return CallDelivery.RecordingStoredAfterEnd;
                }
                return callEvent is { } ending && orphans is not null && await orphans.TryCloseAsync(route.CallId, ending, ct).ConfigureAwait(false)
                    ? CallDelivery.ClosedWithoutOrchestration
                    : CallDelivery.UnknownCall;
            }
            if (callEvent is not null)
            {
                await early.KeepAsync(route.CallId, callEvent, ct).ConfigureAwait(false);
                keptForStart = true;
            }
            var start = new CallStart(route.CallId, route.RoomName, route.OccurredAt, route.Caller, settings, route.Direct);
            try
            {
                // Never a second execution of a call (see StartOnce): a start refused because another delivery started the
                // call a moment ago falls through and raises into that one, which may have taken its kept events already.
                if (await StartOnce.TryStartAsync(client, nameof(CallOrchestrator), start, route.CallId, ct).ConfigureAwait(false))
                {
                    return CallDelivery.Started;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The start may have failed after another delivery started it: if so, fall through and raise into it.
                instance = await FindAsync(route.CallId, client, ct).ConfigureAwait(false);
                if (instance is null)
                {
                    throw;
                }
            }
            instance ??= await FindAsync(route.CallId, client, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"the start of call {route.CallId} was refused as existing, but no instance is found");
        }
        if (instance.IsCompleted)
        {
            return await TryStoreLateRecordingAsync(route, ct).ConfigureAwait(false) ? CallDelivery.RecordingStoredAfterEnd : CallDelivery.CallAlreadyFinished;
        }
        if (callEvent is null)
        {
            return CallDelivery.Raised; // room_started for a call that already runs: nothing to add
        }
        if (RedundantEvents.ChangeNothing(callEvent, instance, route.Direct))
        {
            return CallDelivery.NothingNew;
        }
        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            // Kept before it is raised: if the raise is discarded, the orchestration has not taken its early events yet.
            await early.KeepAsync(route.CallId, callEvent, ct).ConfigureAwait(false);
        }
        await client.RaiseEventAsync(route.CallId, CallEvent.EventName, callEvent, ct).ConfigureAwait(false);
        if (keptForStart && instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
        {
            // Kept for a start that another delivery won: raised into its running orchestration, the kept copy is not needed.
            await early.RemoveAsync(route.CallId, [callEvent], ct).ConfigureAwait(false);
        }
        return CallDelivery.Raised;
    }

    /// <summary>
    /// Keeps the event for the call's orchestration, whose first step takes it. If the orchestration started meanwhile
    /// (it may have taken its kept events already), the event is raised as well: a copy of one it took is skipped by its id.
    /// </summary>
    private async Task<CallDelivery> KeepUntilStartedAsync(CallRoute route, DurableTaskClient client, CancellationToken ct)
    {
        await early.KeepAsync(route.CallId, route.Event!, ct).ConfigureAwait(false);
        if (await FindAsync(route.CallId, client, ct).ConfigureAwait(false) is not { } started)
        {
            return CallDelivery.KeptUntilStarted;
        }
        var delivery = await DeliverAsync(route with { KeepUntilStarted = false }, started, client, ct).ConfigureAwait(false);
        if (started.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
        {
            // Raised into a running orchestration (or it is over): the kept copy is not needed, and no row is left behind.
            await early.RemoveAsync(route.CallId, [route.Event!], ct).ConfigureAwait(false);
        }
        return delivery;
    }

    private async Task<bool> TryStoreLateRecordingAsync(CallRoute route, CancellationToken ct) =>
        route.Event is { Kind: CallEventKind.RecordingUpdated, Recording: { } recording } && lateRecordings is not null
        && await lateRecordings.StoreAsync(route.CallId, recording, ct).ConfigureAwait(false);
}
