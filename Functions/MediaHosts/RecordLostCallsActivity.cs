using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.MediaHosts;

/// <summary>
/// Gives a record to each call of a lost MediaHost that the control plane never heard of: the host listed it in a
/// heartbeat, but its "answered" event had not arrived when the host died, so no record and no orchestration exist.
/// The record is created already finalized (Failed, MediaHostLost), with the host's answer time and id; the caller's
/// numbers are unknown (the heartbeat does not carry them). Calls that have a record are left to their orchestration.
/// Returns how many records it created.
/// </summary>
public sealed class RecordLostCallsActivity(CallStore store, FinalizeCallActivity finalize, TimeProvider time) : CallActivity<LostCalls, int>
{
    // Not the class name: the Durable analyzers index the [Function] wrapper and the class, and a shared name collides.
    public const string Name = "RecordLostCalls";

    public override async Task<int> ExecuteAsync(LostCalls input, CancellationToken ct)
    {
        var created = 0;
        foreach (var call in input.Calls)
        {
            if (await store.GetAsync(call.CallId, ct).ConfigureAwait(false) is not null)
            {
                continue;
            }
            var record = new CallRecord
            {
                CallId = call.CallId,
                RoomName = call.CallId,
                Direction = OutboundCallIds.DirectionOf(call.CallId),
                StartedAt = call.AnsweredAt,
                AnsweredAt = call.AnsweredAt,
                MediaHostId = input.HostId,
            };
            if (await store.CreateAsync(record, ct).ConfigureAwait(false))
            {
                created++;
            }
            await finalize.ExecuteAsync(new FinalizeCallInput(call.CallId, time.GetUtcNow(), CallOutcome.Failed, CallEndReason.MediaHostLost,
                input.Why + "; its answer never reached the control plane (known from the host's heartbeat only)", DispatchAttempts: 0), ct).ConfigureAwait(false);
        }
        return created;
    }
}
