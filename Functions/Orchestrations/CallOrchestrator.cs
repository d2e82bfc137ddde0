using Microsoft.DurableTask;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// One durable state machine per call: take the events that arrived before it ran, record the call, dispatch the agent,
/// wait for it to answer
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
    private string? _recordingEgressId;
    private string? _lastDispatchFailure;

    public override async Task<CallResult> RunAsync(TaskOrchestrationContext context, CallStart input)
    {
        _context = context;
        _start = input;
        _state = new CallState(input);
        _inbox = new CallInbox(context);
        var settings = input.Settings;
        var maxDurationDeadline = context.CurrentUtcDateTime + settings.MaxCallDuration;

        // Events delivered before this orchestration ran (the provider may have discarded their raised copies).
        var early = await TakeEarlyEventsAsync();
        _inbox.TakenEarly(early);
        foreach (var e in early)
        {
            _state.Apply(e);
        }

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

        await DrainAsync(); // events that arrived while the record was written (an answer, a hang-up) count now
        if (!input.Direct)
        {
            await DispatchUntilAnsweredAsync(settings);
        }
        if (_state.AnsweredAt is { } answeredAt)
        {
            // The answer is recorded before the status says InCall, so the live monitor never shows a call
            // in progress whose record lacks its answer time.
            await context.CallActivityAsync<bool>(ActivityNames.MarkAnswered, new MarkAnsweredInput(input.CallId, answeredAt, _attempt));
            if (settings.RecordCalls && !input.Direct)
            {
                await StartRecordingAsync();
            }
        }
        else if (!CallEnded)
        {
            return await FallBackAsync(settings);
        }

        var maxDurationReached = false;
        if (!CallEnded)
        {
            SetStatus(CallPhase.InCall);
            var ended = input.Direct
                ? await WaitForDirectCallEndAsync(maxDurationDeadline, settings.DirectSilenceTimeout)
                : await WaitUntilAsync(maxDurationDeadline, () => CallEnded, onEvent: () => SetStatus(CallPhase.InCall));
            if (ended is null)
            {
                return await FinishAsync(CallOutcome.Failed, CallEndReason.Error,
                    $"the MediaHost reported nothing for {settings.DirectSilenceTimeout.TotalSeconds:0} s; it is presumed lost", endInLiveKit: false);
            }
            maxDurationReached = ended == false;
        }
        return await FinishEndedAsync(maxDurationReached);
    }

    /// <summary>
    /// The events kept for this call before it ran. A table that stays unreachable does not fail the call: it goes on
    /// with the events raised into it (the kept ones stay in the table, and the failure is logged).
    /// </summary>
    private async Task<IReadOnlyList<CallEvent>> TakeEarlyEventsAsync()
    {
        try
        {
            return await _context.CallActivityAsync<IReadOnlyList<CallEvent>>(ActivityNames.TakeEarlyEvents, _start.CallId,
                TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1), 2.0)));
        }
        catch (TaskFailedException e)
        {
            OrchestrationLog.EarlyEventsNotTaken(_context.CreateReplaySafeLogger<CallOrchestrator>(), _start.CallId, e.FailureDetails.ErrorMessage);
            return [];
        }
    }

    /// <summary>The call is over from the caller's or the agent's side, or it was handed on.</summary>
    private bool CallEnded => _state.CallerGone || _state.AgentLeft || _state.TransferredByAgent || _state.TransferRequestedTo is not null;

    /// <summary>Finalizes a call that ended (or reached its maximum duration) by <see cref="CallEndRule"/>.</summary>
    private Task<CallResult> FinishEndedAsync(bool maxDurationReached)
    {
        // The MediaHost's leg leaving with reason Transferred may come with the request: the request is what counts here.
        if (_state.TransferRequestedTo is { } target && !_start.Direct && !_state.CallerGone)
        {
            return TransferOnRequestAsync(target);
        }
        var answered = _state.AnsweredAt is not null;
        var (cause, why, endInLiveKit) =
            _state.TransferredByAgent ? (CallEndReason.Transferred, TransferWhy(), false)
            : maxDurationReached ? (CallEndReason.MaxDuration, $"the call reached the maximum duration of {_start.Settings.MaxCallDuration}", true)
            // The agent leg would otherwise stay in the room until LiveKit's departure timeout.
            : _state.CallerLeft ? (CallEndReason.CallerHangUp, "the caller hung up", !_state.RoomFinished)
            : _state.RoomFinished ? (CallEndReason.RoomClosed, "LiveKit closed the room", false)
            : (CallEndReason.AgentHangUp, "the agent hung up", true);
        if (!answered && cause is CallEndReason.CallerHangUp or CallEndReason.RoomClosed)
        {
            why = _state.CallerLeft
                ? $"the caller left before the agent answered (after {_attempt} dispatch attempt(s))"
                : $"the room closed before the agent answered (after {_attempt} dispatch attempt(s))";
        }
        var (outcome, reason) = CallEndRule.Decide(answered, cause);
        return FinishAsync(outcome, reason, why, endInLiveKit);
    }

    /// <summary>
    /// Dispatches the agent up to the configured number of times, until it answered or the call ended. Events are
    /// acted on while a dispatch request is out: a caller who leaves, or an answer, ends the dispatching at once.
    /// </summary>
    private async Task DispatchUntilAnsweredAsync(CallSettings settings)
    {
        while (_attempt < settings.MaxDispatchAttempts && _state.AnsweredAt is null && !CallEnded)
        {
            _attempt++;
            SetStatus(CallPhase.DispatchingAgent);
            try
            {
                if (!await DispatchOnceAsync(settings))
                {
                    return; // answered or ended while the request was out: nothing more to dispatch
                }
            }
            catch (TaskFailedException e)
            {
                _lastDispatchFailure = e.FailureDetails.ErrorMessage;
                OrchestrationLog.DispatchFailed(_context.CreateReplaySafeLogger<CallOrchestrator>(), _start.CallId, _attempt, e.FailureDetails.ErrorMessage);
                continue;
            }

            SetStatus(CallPhase.WaitingForAgent);
            var agentLegEnded = false;
            await WaitUntilAsync(_context.CurrentUtcDateTime + settings.AgentAnswerTimeout,
                () => _state.AnsweredAt is not null || CallEnded || agentLegEnded,
                onEvent: null,
                observe: e => agentLegEnded |= e.Kind == CallEventKind.AgentLeft && _state.AnsweredAt is null);
            if (_state.AnsweredAt is null && !CallEnded)
            {
                OrchestrationLog.AgentDidNotAnswer(_context.CreateReplaySafeLogger<CallOrchestrator>(), _start.CallId, _attempt);
            }
        }
    }

    /// <summary>
    /// One dispatch: the request, retried on transient failures with a doubling delay. The retries are ours, not a
    /// Durable retry policy, so the call's events are acted on during the delays too and nothing is left scheduled
    /// when the call settles. True once LiveKit took the request; false when the call was answered or ended first;
    /// throws the last failure when the request was rejected or every attempt failed.
    /// </summary>
    private async Task<bool> DispatchOnceAsync(CallSettings settings)
    {
        var delay = settings.DispatchRetryInterval;
        for (var attempt = 1; ; attempt++)
        {
            var request = _context.CallActivityAsync<string>(ActivityNames.DispatchAgent, new DispatchAgentInput(_start.CallId, _start.RoomName, _attempt));
            try
            {
                if (!await ListenWhileAsync(request))
                {
                    return false;
                }
                await request;
                return true;
            }
            // A rejected dispatch (bad trunk, no permission) cannot succeed on a retry. (Compared by name: the failure's
            // type is not always loadable where the orchestrator runs.)
            catch (TaskFailedException e) when (attempt < settings.DispatchActivityAttempts && e.FailureDetails.ErrorType != typeof(AgentDispatchRejectedException).FullName)
            {
                if (await WaitUntilAsync(_context.CurrentUtcDateTime + delay, () => _state.AnsweredAt is not null || CallEnded))
                {
                    return false;
                }
                delay *= 2;
            }
        }
    }

    /// <summary>Applies events while <paramref name="work"/> runs; false as soon as the call was answered or ended.</summary>
    private async Task<bool> ListenWhileAsync(Task work)
    {
        while (!work.IsCompleted)
        {
            if (_state.AnsweredAt is not null || CallEnded)
            {
                return false;
            }
            if (await _inbox.NextBeforeAsync(work) is { } next)
            {
                await ApplyAsync(next);
            }
        }
        return _state.AnsweredAt is null && !CallEnded;
    }

    /// <summary>Applies every event that has already arrived, without waiting.</summary>
    private async Task DrainAsync()
    {
        while (await _inbox.NextAsync(_context.CurrentUtcDateTime) is { } next)
        {
            await ApplyAsync(next);
        }
    }

    private async Task ApplyAsync(CallEvent next)
    {
        _state.Apply(next);
        if (next.Kind == CallEventKind.RecordingUpdated)
        {
            await StoreRecordingAsync();
        }
    }

    /// <summary>
    /// The MediaHost handed the caller to a human (SIP REFER on its leg): the call now belongs to that human, so it is
    /// neither ended in LiveKit (the room stays while the transfer runs) nor given our own fallback. The target stays
    /// out of the reason (the reason is also the live status, which carries no phone numbers).
    /// </summary>
    private string TransferWhy() => _state.TransferTarget is null
        ? "the agent transferred the caller to a human (SIP REFER from the MediaHost)"
        : "the agent transferred the caller to a human (SIP REFER from the MediaHost, target given)";

    /// <summary>
    /// LiveKit mode: the agent asked for a transfer. The caller's SIP participant is transferred with TransferSIPParticipant,
    /// which returns once the far end took the call or refused it: the room stays until then (the caller is still in it),
    /// and is closed afterwards (only the agent's leg is left). Not retried: a transfer that failed half-way is not repeated
    /// onto the caller. The target goes into the record, never into the reason (which is also the live status).
    /// </summary>
    private async Task<CallResult> TransferOnRequestAsync(string target)
    {
        SetStatus(CallPhase.Transferring);
        try
        {
            await _context.CallActivityAsync<bool>(ActivityNames.TransferCaller,
                new TransferCallerInput(_start.CallId, _start.RoomName, _state.Caller!.ParticipantIdentity, target) { Requested = true });
            return await FinishAsync(CallOutcome.Transferred, CallEndReason.Transferred,
                "the agent transferred the caller to a human (TransferSIPParticipant on the caller's SIP participant; completed)", endInLiveKit: true, transferTo: target);
        }
        catch (TaskFailedException e)
        {
            return await FinishAsync(CallOutcome.Failed, CallEndReason.Error,
                "the agent's transfer of the caller failed: " + e.FailureDetails.ErrorMessage, endInLiveKit: true);
        }
    }

    private async Task<CallResult> FallBackAsync(CallSettings settings)
    {
        SetStatus(CallPhase.FallingBack);
        var why = $"the agent did not answer after {_attempt} dispatch attempt(s)"
            + (_lastDispatchFailure is { } failure ? $" (the last dispatch failed: {failure})" : "");
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

    private async Task<CallResult> FinishAsync(CallOutcome outcome, CallEndReason reason, string why, bool endInLiveKit, string? transferTo = null)
    {
        var endedAt = _state.EndedAt ?? new DateTimeOffset(_context.CurrentUtcDateTime, TimeSpan.Zero);
        endInLiveKit &= !_start.Direct; // a direct call has no LiveKit room
        await StopRecordingAsync();
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
            new FinalizeCallInput(_start.CallId, endedAt, outcome, reason, why, _attempt) { TransferTo = transferTo ?? (outcome == CallOutcome.Transferred ? _state.TransferTarget : null) },
            TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(1), 2.0)));
        Campaigns.CampaignCallEnd.Notify(_context, _start.CallId, outcome); // a campaign's call frees its place now
        await PostCallReports.DeliverAsync(_context, _start.CallId);
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
        while (!CallEnded)
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
            await ApplyAsync(next);
            observe?.Invoke(next);
            onEvent?.Invoke();
        }
        return true;
    }

    /// <summary>
    /// Writes the recording's state into the record when it changed. The phase and status are left
    /// alone: a recording is a side fact of the call. A failed write is logged, never fatal.
    /// </summary>
    /// <summary>Starts the recording (when the called number is configured for it); a failure leaves the call unrecorded, never fails it.</summary>
    private async Task StartRecordingAsync()
    {
        try
        {
            _recordingEgressId = await _context.CallActivityAsync<string?>(Recording.RecordingActivityNames.StartRecording,
                new Recording.StartRecordingInput(_start.CallId, _start.RoomName, _state.Caller?.CalledNumber));
        }
        catch (TaskFailedException e)
        {
            OrchestrationLog.RecordingNotStored(_context.CreateReplaySafeLogger<CallOrchestrator>(), _start.CallId, "starting the recording failed: " + e.FailureDetails.ErrorMessage);
        }
    }

    /// <summary>Stops a recording we started that has not ended yet, so its file is closed before the room goes.</summary>
    private async Task StopRecordingAsync()
    {
        if (_recordingEgressId is not { } egressId || _state.Recording is { Ended: true } done && done.EgressId == egressId)
        {
            return;
        }
        try
        {
            await _context.CallActivityAsync<bool>(Recording.RecordingActivityNames.StopRecording, new Recording.StopRecordingInput(_start.CallId, egressId));
        }
        catch (TaskFailedException e)
        {
            OrchestrationLog.RecordingNotStored(_context.CreateReplaySafeLogger<CallOrchestrator>(), _start.CallId, "stopping the recording failed: " + e.FailureDetails.ErrorMessage);
        }
    }

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
