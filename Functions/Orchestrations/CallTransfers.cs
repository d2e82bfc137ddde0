using Microsoft.DurableTask;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// Handing the caller to a human: the agent's transfer (<see cref="CallTransferState"/>, done by the MediaHost's REFER or
/// asked of the control plane) and the human fallback when no agent answered. Targets go into the record, never into
/// the reason (the reason is also the live status, which carries no phone numbers or addresses).
/// </summary>
internal sealed class CallTransfers(CallRun run, CallFinisher finisher)
{
    /// <summary>
    /// The agent's transfer, when the call ended with one to act on or record; null when the call ended otherwise.
    /// A request whose caller already left transfers nobody: the caller's hang-up is what ended the call then.
    /// </summary>
    public Task<CallResult>? FinishAgentTransfer() => run.State.Transfer switch
    {
        { Mode: TransferMode.Requested, Target: var target } when !run.Start.Direct && !run.State.CallerGone && target is not null => OnRequestAsync(target),
        { Mode: TransferMode.Referred, Target: var target } => finisher.FinishAsync(CallOutcome.Transferred, CallEndReason.Transferred, ReferredWhy(target), endInLiveKit: false, transferTo: target),
        _ => null,
    };

    /// <summary>
    /// No agent answered: the caller goes to the configured human fallback. True when the transfer was made;
    /// false with the reason when it failed (the caller is still ours to end).
    /// </summary>
    public async Task<(bool Transferred, string? Failure)> ToFallbackAsync(string transferTo)
    {
        try
        {
            await run.Context.CallActivityAsync<bool>(ActivityNames.TransferCaller,
                new TransferCallerInput(run.CallId, run.Start.RoomName, run.State.Caller!.ParticipantIdentity, transferTo),
                TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromSeconds(1))));
            return (true, null);
        }
        catch (TaskFailedException e)
        {
            return (false, e.FailureDetails.ErrorMessage);
        }
    }

    /// <summary>
    /// The MediaHost handed the caller to a human (SIP REFER on its leg): the call now belongs to that human, so it is
    /// neither ended in LiveKit (the room stays while the transfer runs) nor given our own fallback.
    /// </summary>
    private static string ReferredWhy(string? target) => target is null
        ? "the agent transferred the caller to a human (SIP REFER from the MediaHost)"
        : "the agent transferred the caller to a human (SIP REFER from the MediaHost, target given)";

    /// <summary>
    /// LiveKit mode: the agent asked for a transfer. The caller's SIP participant is transferred with TransferSIPParticipant,
    /// which returns once the far end took the call or refused it: the room stays until then (the caller is still in it),
    /// and is closed afterwards (only the agent's leg is left). Not retried: a transfer that failed half-way is not repeated
    /// onto the caller.
    /// </summary>
    private async Task<CallResult> OnRequestAsync(string target)
    {
        run.SetStatus(CallPhase.Transferring);
        try
        {
            await run.Context.CallActivityAsync<bool>(ActivityNames.TransferCaller,
                new TransferCallerInput(run.CallId, run.Start.RoomName, run.State.Caller!.ParticipantIdentity, target) { Requested = true });
            return await finisher.FinishAsync(CallOutcome.Transferred, CallEndReason.Transferred,
                "the agent transferred the caller to a human (TransferSIPParticipant on the caller's SIP participant; completed)", endInLiveKit: true, transferTo: target);
        }
        catch (TaskFailedException e)
        {
            return await finisher.FinishAsync(CallOutcome.Failed, CallEndReason.Error,
                "the agent's transfer of the caller failed: " + e.FailureDetails.ErrorMessage, endInLiveKit: true);
        }
    }
}
