using Microsoft.DurableTask;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// One durable state machine per call: record the call, dispatch the agent, wait for it to answer
/// (retrying, then falling back to a human or ending the call), wait for the end (caller, room,
/// agent or the max-duration timer), end the call in LiveKit when we are the ones ending it, and
/// finalize the record. The custom status shows the phase at every step.
/// Deterministic: time comes only from the context, waits are durable timers, work is in activities.
/// The Durable Task worker runs this class directly; Azure Functions runs it through
/// <see cref="CallOrchestratorFunction"/>.
/// </summary>
public sealed class CallOrchestrator : TaskOrchestrator<CallStart, CallResult>
{
    private TaskOrchestrationContext _context = null!;
    private CallStart _start = null!;
    private CallState _state = null!;
    private CallInbox _inbox = null!;
    private int _attempt;
    private bool _recordExists;
    private CallRecording? _storedRecording;

    public override async Task<CallResult> RunAsync(TaskOrchestrationContext context, CallStart input)
    {
        _context = context;
        _start = input;
        _state = new CallState(input);
        _inbox = new CallInbox(context);
        var settings = input.Settings;
        var maxDurationDeadline = context.CurrentUtcDateTime + settings.MaxCallDuration;

        if (_state.Caller is null)
        {
            SetStatus(CallPhase.WaitingForCaller);
            await WaitUntilAsync(context.CurrentUtcDateTime + settings.CallerJoinTimeout, () => _state.Caller is not null || _state.CallerGone);
        }

        SetStatus(CallPhase.Recording);
        await context.CallActivityAsync<bool>(ActivityNames.RecordCall, new RecordCallInput(input.CallId, input.RoomName, input.StartedAt, _state.Caller));
        _recordExists = true;
        await StoreRecordingAsync(); // a recording reported before the record existed

        if (_state.Caller is null)
        {
            var why = _state.CallerGone ? "the room closed before a caller joined" : "no SIP caller joined the room";
            return await FinishAsync(CallOutcome.Abandoned, CallEndReason.CancelledBeforeAnswer, why, endInLiveKit: !_state.RoomFinished);
        }

        var answered = input.Direct || await DispatchUntilAnsweredAsync(settings);
        if (_state.TransferredByAgent)
        {
            // The agent took the call and handed it on before we moved it in call: no fallback.
            if (_state.AnsweredAt is { } answeredAt)
            {
                await context.CallActivityAsync<bool>(ActivityNames.MarkAnswered, new MarkAnsweredInput(input.CallId, answeredAt, _attempt));
            }
            return await FinishTransferredByAgentAsync();
        }
        if (!answered)
        {
            if (_state.CallerGone)
            {
                return await FinishAsync(CallOutcome.Abandoned, CallEndReason.CancelledBeforeAnswer,
                    $"the caller left before the agent answered (after {_attempt} dispatch attempt(s))", endInLiveKit: !_state.RoomFinished);
            }
            return await FallBackAsync(settings);
        }

        // The answer is recorded before the status says InCall, so the live monitor never shows a call
        // in progress whose record lacks its answer time.
        await context.CallActivityAsync<bool>(ActivityNames.MarkAnswered, new MarkAnsweredInput(input.CallId, _state.AnsweredAt!.Value, _attempt));
        SetStatus(CallPhase.InCall);
        var ended = input.Direct
            ? await WaitForDirectCallEndAsync(maxDurationDeadline, settings.DirectSilenceTimeout)
            : await WaitUntilAsync(maxDurationDeadline, () => _state.CallerGone || _state.AgentLeft || _state.TransferredByAgent, onEvent: () => SetStatus(CallPhase.InCall));
        if (ended is null)
        {
            return await FinishAsync(CallOutcome.Failed, CallEndReason.Error,
                $"the MediaHost reported nothing for {settings.DirectSilenceTimeout.TotalSeconds:0} s; it is presumed lost", endInLiveKit: false);
        }

        if (ended == false)
        {
            return await FinishAsync(CallOutcome.Completed, CallEndReason.MaxDuration,
                $"the call reached the maximum duration of {settings.MaxCallDuration}", endInLiveKit: true);
        }
        if (_state.TransferredByAgent)
        {
            return await FinishTransferredByAgentAsync();
        }
        if (_state.CallerLeft)
        {
            // The agent leg would otherwise stay in the room until LiveKit's departure timeout.
            return await FinishAsync(CallOutcome.Completed, CallEndReason.CallerHangUp, "the caller hung up", endInLiveKit: !_state.RoomFinished);
        }
        if (_state.RoomFinished)
        {
            return await FinishAsync(CallOutcome.Completed, CallEndReason.RoomClosed, "LiveKit closed the room", endInLiveKit: false);
        }
        return await FinishAsync(CallOutcome.Completed, CallEndReason.AgentHangUp, "the agent hung up", endInLiveKit: true);
    }

    /// <summary>Dispatches the agent up to the configured number of times; true once it answered.</summary>
    private async Task<bool> DispatchUntilAnsweredAsync(CallSettings settings)
    {
        var retry = new RetryPolicy(
            maxNumberOfAttempts: settings.DispatchActivityAttempts,
            firstRetryInterval: settings.DispatchRetryInterval,
            backoffCoefficient: 2.0)
        {
            // A rejected dispatch (bad trunk, no permission) cannot succeed on a retry.
            // (Compared by name: the failure's type is not always loadable where the orchestrator runs.)
            HandleFailure = failure => failure.ErrorType != typeof(AgentDispatchRejectedException).FullName,
        };

        while (_attempt < settings.MaxDispatchAttempts && _state.AnsweredAt is null && !_state.CallerGone && !_state.TransferredByAgent)
        {
            _attempt++;
            SetStatus(CallPhase.DispatchingAgent);
            try
            {
                await _context.CallActivityAsync<string>(ActivityNames.DispatchAgent, new DispatchAgentInput(_start.CallId, _start.RoomName, _attempt), TaskOptions.FromRetryPolicy(retry));
            }
            catch (TaskFailedException e)
            {
                OrchestrationLog.DispatchFailed(_context.CreateReplaySafeLogger<CallOrchestrator>(), _start.CallId, _attempt, e.FailureDetails.ErrorMessage);
                continue;
            }

            SetStatus(CallPhase.WaitingForAgent);
            var agentLegEnded = false;
            await WaitUntilAsync(_context.CurrentUtcDateTime + settings.AgentAnswerTimeout,
                () => _state.AnsweredAt is not null || _state.CallerGone || agentLegEnded || _state.TransferredByAgent,
                onEvent: null,
                observe: e => agentLegEnded |= e.Kind == CallEventKind.AgentLeft && _state.AnsweredAt is null);
            if (_state.AnsweredAt is null && !_state.CallerGone && !_state.TransferredByAgent)
            {
                OrchestrationLog.AgentDidNotAnswer(_context.CreateReplaySafeLogger<CallOrchestrator>(), _start.CallId, _attempt);
            }
        }
        return _state.AnsweredAt is not null && !_state.CallerGone;
    }

    /// <summary>
    /// The MediaHost handed the caller to a human (SIP REFER on its leg): the call now belongs to that
    /// human, so it is neither ended in LiveKit nor given our own fallback. The target stays out of the
    /// reason (the reason is also the live status, which carries no phone numbers).
    /// </summary>
    private Task<CallResult> FinishTransferredByAgentAsync()
    {
        var why = _state.TransferTarget is null
            ? "the agent transferred the caller to a human (SIP REFER from the MediaHost)"
            : "the agent transferred the caller to a human (SIP REFER from the MediaHost, target given)";
        return FinishAsync(CallOutcome.Transferred, CallEndReason.Transferred, why, endInLiveKit: false);
    }

    private async Task<CallResult> FallBackAsync(CallSettings settings)
    {
        SetStatus(CallPhase.FallingBack);
        var why = $"the agent did not answer after {_attempt} dispatch attempt(s)";
        if (settings.HumanTransferTo is { } transferTo)
        {
            try
            {
                await _context.CallActivityAsync<bool>(ActivityNames.TransferCaller,
                    new TransferCallerInput(_start.CallId, _start.RoomName, _state.Caller!.ParticipantIdentity, transferTo),
                    TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromSeconds(1))));
                return await FinishAsync(CallOutcome.Transferred, CallEndReason.AgentUnavailable, why + "; transferred to the human fallback", endInLiveKit: false);
            }
            catch (TaskFailedException e)
            {
                why += "; the transfer to the human fallback failed: " + e.FailureDetails.ErrorMessage;
            }
        }
        else
        {
            why += "; no human fallback is configured";
        }
        return await FinishAsync(CallOutcome.AgentUnavailable, CallEndReason.AgentUnavailable, why, endInLiveKit: true);
    }

    private async Task<CallResult> FinishAsync(CallOutcome outcome, CallEndReason reason, string why, bool endInLiveKit)
    {
        var endedAt = _state.EndedAt ?? new DateTimeOffset(_context.CurrentUtcDateTime, TimeSpan.Zero);
        endInLiveKit &= !_start.Direct; // a direct call has no LiveKit room
        if (endInLiveKit)
        {
            SetStatus(CallPhase.Ending, outcome, why);
            try
            {
                await _context.CallActivityAsync<bool>(ActivityNames.EndCall, new EndCallInput(_start.CallId, _start.RoomName, why),
                    TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1), 2.0)));
            }
            catch (TaskFailedException e)
            {
                // The record must still be finalized; reconciliation closes a room left behind.
                why += "; ending the call in LiveKit failed: " + e.FailureDetails.ErrorMessage;
            }
        }
        SetStatus(CallPhase.Finalizing, outcome, why);
        await _context.CallActivityAsync<bool>(ActivityNames.FinalizeCall,
            new FinalizeCallInput(_start.CallId, endedAt, outcome, reason, why, _attempt),
            TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2.0)));
        SetStatus(CallPhase.Completed, outcome, why);
        OrchestrationLog.CallFinished(_context.CreateReplaySafeLogger<CallOrchestrator>(), _start.CallId, outcome, reason);
        return new CallResult(outcome, reason, why, _attempt, _state.AnsweredAt, endedAt);
    }

    /// <summary>
    /// Direct mode's in-call wait: true when the call ended, false at the max duration, null when the MediaHost went
    /// silent for <paramref name="silence"/> (no LiveKit tells us when it dies, so its silence is the signal).
    /// </summary>
    private async Task<bool?> WaitForDirectCallEndAsync(DateTime maxDurationDeadline, TimeSpan silence)
    {
        while (!(_state.CallerGone || _state.AgentLeft || _state.TransferredByAgent))
        {
            var silenceDeadline = _context.CurrentUtcDateTime + silence;
            var deadline = silenceDeadline < maxDurationDeadline ? silenceDeadline : maxDurationDeadline;
            var next = await _inbox.NextAsync(deadline);
            if (next is null)
            {
                return deadline == maxDurationDeadline ? false : null;
            }
            _state.Apply(next);
            SetStatus(CallPhase.InCall);
        }
        return true;
    }

    /// <summary>Applies events until <paramref name="done"/> holds (true) or the deadline passes (false).</summary>
    private async Task<bool> WaitUntilAsync(DateTime deadline, Func<bool> done, Action? onEvent = null, Action<CallEvent>? observe = null)
    {
        while (!done())
        {
            var next = await _inbox.NextAsync(deadline);
            if (next is null)
            {
                return false;
            }
            _state.Apply(next);
            if (next.Kind == CallEventKind.RecordingUpdated)
            {
                await StoreRecordingAsync();
            }
            observe?.Invoke(next);
            onEvent?.Invoke();
        }
        return true;
    }

    /// <summary>
    /// Writes the recording's state into the record when it changed. The phase and status are left
    /// alone: a recording is a side fact of the call. A failed write is logged, never fatal.
    /// </summary>
    private async Task StoreRecordingAsync()
    {
        if (!_recordExists || _state.Recording is not { } recording || recording == _storedRecording)
        {
            return;
        }
        try
        {
            await _context.CallActivityAsync<bool>(ActivityNames.RecordRecording, new RecordRecordingInput(_start.CallId, recording),
                TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1), 2.0)));
            _storedRecording = recording;
        }
        catch (TaskFailedException e)
        {
            OrchestrationLog.RecordingNotStored(_context.CreateReplaySafeLogger<CallOrchestrator>(), _start.CallId, e.FailureDetails.ErrorMessage);
        }
    }

    private void SetStatus(CallPhase phase, CallOutcome outcome = CallOutcome.InProgress, string? reason = null) =>
        _context.SetCustomStatus(new CallStatus(phase, _attempt, _state.Turns, outcome, reason));
}
