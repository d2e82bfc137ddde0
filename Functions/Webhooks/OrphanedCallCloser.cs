using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// Ends a call whose orchestration is gone while its record is still open: the control plane's Durable state
/// was lost (a purged or failed instance, a task hub deleted or replaced, the local host's in-memory backend). When the call's end then arrives (the caller left, the room closed, the MediaHost hung up), the record
/// is finalized here, as the orchestration would have, instead of waiting for reconciliation. Events that do
/// not end a call are left alone.
/// </summary>
public sealed class OrphanedCallCloser(CallStore store, FinalizeCallActivity finalize)
{
    public const string ReasonPrefix = "closed without its orchestration (the control plane lost its state)";

    /// <returns>True when this event closed the call's record.</returns>
    public async Task<bool> TryCloseAsync(string callId, CallEvent callEvent, CancellationToken ct)
    {
        if (CallEndRule.CauseOf(callEvent.Kind) is not { } end)
        {
            return false;
        }
        var record = await store.GetAsync(callId, ct).ConfigureAwait(false);
        if (record is not { IsOpen: true })
        {
            return false;
        }
        var (outcome, reason) = CallEndRule.Decide(record.AnsweredAt is not null, end.Cause);
        await finalize.ExecuteAsync(new FinalizeCallInput(
            callId,
            callEvent.OccurredAt,
            outcome,
            reason,
            $"{ReasonPrefix}: {end.Why}",
            record.DispatchAttempts), ct).ConfigureAwait(false);
        return true;
    }
}
