using Microsoft.DurableTask;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// One run of a call's orchestration: its context, input and folded state, and the waits that apply the call's events
/// as they arrive. The steps of the call (<see cref="AgentDispatching"/>, <see cref="DirectCallWait"/>,
/// <see cref="CallTransfers"/>, <see cref="CallFinisher"/>) share it. Deterministic: time comes only from the context.
/// </summary>
internal sealed class CallRun
{
    private readonly CallInbox _inbox;

    public CallRun(TaskOrchestrationContext context, CallStart start)
    {
        Context = context;
        Start = start;
        State = new CallState(start);
        _inbox = new CallInbox(context);
        Recording = new CallRecordingKeeper(this);
    }

    public TaskOrchestrationContext Context { get; }
    public CallStart Start { get; }
    public CallState State { get; }
    public CallRecordingKeeper Recording { get; }

    /// <summary>The dispatch attempt the call is on (0: none yet).</summary>
    public int Attempt { get; set; }

    public string CallId => Start.CallId;
    public DateTime Now => Context.CurrentUtcDateTime;

    /// <summary>The call is over from the caller's or the agent's side, or it was handed on.</summary>
    public bool CallEnded => State.CallerGone || State.AgentLeft || State.Transfer is not null;

    /// <summary>Answered, or nothing left to answer.</summary>
    public bool AnsweredOrEnded => State.AnsweredAt is not null || CallEnded;

    /// <summary>Applies events delivered before the orchestration ran; their raised copies are skipped later.</summary>
    public void ApplyEarly(IReadOnlyList<CallEvent> early)
    {
        _inbox.TakenEarly(early);
        foreach (var e in early)
        {
            State.Apply(e);
        }
    }

    /// <summary>Applies events until <paramref name="done"/> holds (true) or the deadline passes (false).</summary>
    public async Task<bool> WaitUntilAsync(DateTime deadline, Func<bool> done, Action<CallEvent>? observe = null)
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
        }
        return true;
    }

    /// <summary>The next event applied, or null when <paramref name="deadline"/> passes first.</summary>
    public async Task<CallEvent?> ApplyNextAsync(DateTime deadline)
    {
        var next = await _inbox.NextAsync(deadline);
        if (next is not null)
        {
            await ApplyAsync(next);
        }
        return next;
    }

    /// <summary>Applies events while <paramref name="work"/> runs; false as soon as the call was answered or ended.</summary>
    public async Task<bool> ListenWhileAsync(Task work)
    {
        while (!work.IsCompleted)
        {
            if (AnsweredOrEnded)
            {
                return false;
            }
            if (await _inbox.NextBeforeAsync(work) is { } next)
            {
                await ApplyAsync(next);
            }
        }
        return !AnsweredOrEnded;
    }

    /// <summary>Applies every event that has already arrived, without waiting.</summary>
    public async Task DrainAsync()
    {
        while (await _inbox.NextAsync(Now) is { } next)
        {
            await ApplyAsync(next);
        }
    }

    /// <summary>Cancels the timer a wait left running (waits with one deadline share it): the call is over.</summary>
    public void StopWaiting() => _inbox.CancelTimer();

    public void SetStatus(CallPhase phase, CallOutcome outcome = CallOutcome.InProgress, string? reason = null) =>
        Context.SetCustomStatus(new CallStatus(phase, Attempt, State.Turns, outcome, reason));

    private async Task ApplyAsync(CallEvent next)
    {
        State.Apply(next);
        if (next.Kind == CallEventKind.RecordingUpdated)
        {
            await Recording.StoreAsync();
        }
    }
}
