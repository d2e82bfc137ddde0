using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// Ends a call whose orchestration is gone while its record is still open: the control plane's Durable state
/// was lost (the local host's in-process backend does not survive a restart; a purged or failed instance in
/// Azure). When the call's end then arrives (the caller left, the room closed, the MediaHost hung up), the record
/// is finalized here, as the orchestration would have, instead of waiting for reconciliation. Events that do
/// not end a call are left alone.
/// </summary>
public sealed class OrphanedCallCloser(CallStore store, FinalizeCallActivity finalize)
{
    public const string ReasonPrefix = "closed without its orchestration (the control plane lost its state)";

    /// <returns>True when this event closed the call's record.</returns>
    public async Task<bool> TryCloseAsync(string callId, CallEvent callEvent, CancellationToken ct)
    {
        if (EndOf(callEvent.Kind) is not { } end)
        {
            return false;
        }
        var record = await store.GetAsync(callId, ct).ConfigureAwait(false);
        if (record is not { IsOpen: true })
        {
            return false;
        }
        var answered = record.AnsweredAt is not null;
        await finalize.ExecuteAsync(new FinalizeCallInput(
            callId,
            callEvent.OccurredAt,
            answered ? CallOutcome.Completed : CallOutcome.Abandoned,
            answered ? end.Reason : CallEndReason.CancelledBeforeAnswer,
            $"{ReasonPrefix}: {end.Why}",
            record.DispatchAttempts), ct).ConfigureAwait(false);
        return true;
    }

    private static (CallEndReason Reason, string Why)? EndOf(CallEventKind kind) => kind switch
    {
        CallEventKind.CallerLeft => (CallEndReason.CallerHangUp, "the caller hung up"),
        CallEventKind.AgentLeft => (CallEndReason.AgentHangUp, "the agent hung up"),
        CallEventKind.RoomFinished => (CallEndReason.RoomClosed, "LiveKit closed the room"),
        _ => null,
    };
}
