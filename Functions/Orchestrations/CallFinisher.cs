using Microsoft.DurableTask;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// Finishing a call: decides how an ended call ended (<see cref="CallEndRule"/>), falls back when no agent answered,
/// ends the call in LiveKit when we are the ones ending it, finalizes the record, then runs what follows a finalized
/// call (<see cref="AfterFinalizedAsync"/>).
/// </summary>
internal sealed class CallFinisher
{
    private readonly CallRun _run;
    private readonly CallTransfers _transfers;

    public CallFinisher(CallRun run)
    {
        _run = run;
        _transfers = new CallTransfers(run, this);
    }

    /// <summary>Finalizes a call that ended (or reached its maximum duration) by <see cref="CallEndRule"/>.</summary>
    public Task<CallResult> FinishEndedAsync(bool maxDurationReached)
    {
        if (_transfers.FinishAgentTransfer() is { } transferred)
        {
            return transferred;
        }
        var state = _run.State;
        var answered = state.AnsweredAt is not null;
        var (cause, why, endInLiveKit) =
            maxDurationReached ? (CallEndReason.MaxDuration, $"the call reached the maximum duration of {_run.Start.Settings.MaxCallDuration}", true)
            // The agent leg would otherwise stay in the room until LiveKit's departure timeout.
            : state.CallerLeft ? (CallEndReason.CallerHangUp, "the caller hung up", !state.RoomFinished)
            : state.RoomFinished ? (CallEndReason.RoomClosed, "LiveKit closed the room", false)
            : (CallEndReason.AgentHangUp, "the agent hung up", true);
        if (!answered && cause is CallEndReason.CallerHangUp or CallEndReason.RoomClosed)
        {
            why = state.CallerLeft
                ? $"the caller left before the agent answered (after {_run.Attempt} dispatch attempt(s))"
                : $"the room closed before the agent answered (after {_run.Attempt} dispatch attempt(s))";
        }
        var (outcome, reason) = CallEndRule.Decide(answered, cause);
        return FinishAsync(outcome, reason, why, endInLiveKit);
    }

    /// <summary>No agent answered and the call goes on: the human fallback when configured, else the call ends unanswered.</summary>
    public async Task<CallResult> FallBackAsync(string? lastDispatchFailure)
    {
        _run.SetStatus(CallPhase.FallingBack);
        var why = $"the agent did not answer after {_run.Attempt} dispatch attempt(s)"
            + (lastDispatchFailure is { } failure ? $" (the last dispatch failed: {failure})" : "");
        if (_run.Start.Settings.HumanTransferTo is { } transferTo)
        {
            var (transferred, transferFailure) = await _transfers.ToFallbackAsync(transferTo);
            if (transferred)
            {
                return await FinishAsync(CallOutcome.Transferred, CallEndReason.AgentUnavailable, why + "; transferred to the human fallback", endInLiveKit: false,
                    transferTo: transferTo);
            }
            why += "; the transfer to the human fallback failed: " + transferFailure;
        }
        else
        {
            why += "; no human fallback is configured";
        }
        return await FinishAsync(CallOutcome.AgentUnavailable, CallEndReason.AgentUnavailable, why, endInLiveKit: true);
    }

    /// <summary>Ends the call in LiveKit when asked (never in direct mode: no room), finalizes the record, and reports.</summary>
    public async Task<CallResult> FinishAsync(CallOutcome outcome, CallEndReason reason, string why, bool endInLiveKit, string? transferTo = null)
    {
        var start = _run.Start;
        var endedAt = _run.State.EndedAt ?? new DateTimeOffset(_run.Now, TimeSpan.Zero);
        endInLiveKit &= !start.Direct;
        await _run.Recording.StopAsync();
        if (endInLiveKit)
        {
            _run.SetStatus(CallPhase.Ending, outcome, why);
            try
            {
                await _run.Context.CallActivityAsync<bool>(ActivityNames.EndCall, new EndCallInput(start.CallId, start.RoomName, why),
                    TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1), 2.0)));
            }
            catch (TaskFailedException e)
            {
                // The record must still be finalized; reconciliation closes a room left behind.
                why += "; ending the call in LiveKit failed: " + e.FailureDetails.ErrorMessage;
            }
        }
        _run.SetStatus(CallPhase.Finalizing, outcome, why);
        await _run.Context.CallActivityAsync<bool>(ActivityNames.FinalizeCall,
            new FinalizeCallInput(start.CallId, endedAt, outcome, reason, why, _run.Attempt) { TransferTo = transferTo },
            TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2.0)));
        await AfterFinalizedAsync(outcome);
        _run.SetStatus(CallPhase.Completed, outcome, why);
        OrchestrationLog.CallFinished(_run.Context.CreateReplaySafeLogger<CallOrchestrator>(), start.CallId, outcome, reason);
        return new CallResult(outcome, reason, why, _run.Attempt, _run.State.AnsweredAt, endedAt);
    }

    /// <summary>
    /// What follows a finalized record (the record is final and stored when this runs): a campaign's call frees its
    /// place in the campaign at once (a durable message to the attempt that placed it), then the post-call report. Further
    /// notifications of a finalized call belong here, each its own durable activity that never fails the call.
    /// </summary>
    private Task AfterFinalizedAsync(CallOutcome outcome)
    {
        Campaigns.CampaignCallEnd.Notify(_run.Context, _run.CallId, outcome);
        return _run.Start.Settings.DeliverPostCallReport ? PostCallReports.DeliverAsync(_run.Context, _run.CallId) : Task.CompletedTask;
    }
}
