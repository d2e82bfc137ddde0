using Microsoft.DurableTask;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// Receives a call's events inside the orchestrator, each wait bounded by a durable timer. One
/// event waiter stays pending across waits (it is never cancelled), so an event that arrives after a
/// timeout is delivered to the next wait instead of being swallowed by an abandoned waiter.
/// An event already taken from the early-event store (<see cref="EarlyEventStore"/>) may also arrive raised:
/// that copy (same source event id) is skipped.
/// </summary>
internal sealed class CallInbox
{
    private readonly TaskOrchestrationContext _context;
    private readonly HashSet<string> _takenEarly = new(StringComparer.Ordinal);
    private Task<CallEvent>? _pending;
    private Task? _timer;
    private DateTime _timerDeadline;
    private CancellationTokenSource? _timerCancel;

    public CallInbox(TaskOrchestrationContext context) => _context = context;

    /// <summary>Remembers events the orchestration took from the early-event store, so their raised copies are skipped.</summary>
    public void TakenEarly(IEnumerable<CallEvent> events)
    {
        foreach (var e in events)
        {
            if (e.SourceEventId is { } id)
            {
                _takenEarly.Add(id);
            }
        }
    }

    /// <summary>The next event, or null when <paramref name="deadline"/> passes first.</summary>
    public async Task<CallEvent?> NextAsync(DateTime deadline)
    {
        CallEvent? next;
        do
        {
            next = await NextAnyAsync(deadline);
        }
        while (next is not null && IsCopyOfEarly(next));
        return next;
    }

    /// <summary>The next event, or null when <paramref name="work"/> (an activity of this orchestration) completes first.</summary>
    public async Task<CallEvent?> NextBeforeAsync(Task work)
    {
        CallEvent next;
        do
        {
            _pending ??= _context.WaitForExternalEvent<CallEvent>(CallEvent.EventName);
            if (!_pending.IsCompleted && await Task.WhenAny(_pending, work) != _pending)
            {
                return null;
            }
            next = Take();
        }
        while (IsCopyOfEarly(next));
        return next;
    }

    private async Task<CallEvent?> NextAnyAsync(DateTime deadline)
    {
        _pending ??= _context.WaitForExternalEvent<CallEvent>(CallEvent.EventName);
        if (_pending.IsCompleted)
        {
            return Take();
        }
        if (deadline <= _context.CurrentUtcDateTime)
        {
            return null;
        }
        var timer = TimerFor(deadline);
        if (await Task.WhenAny(_pending, timer) == _pending)
        {
            return Take();
        }
        _timer = null;
        return null;
    }

    /// <summary>
    /// The durable timer for <paramref name="deadline"/>: the one already running when the last wait had the same
    /// deadline (a call in progress waits for many events against one maximum-duration deadline). A durable timer is a
    /// queue message that fires even after it is cancelled, so a new timer per event cost a message now and one more
    /// orchestration episode when it fired.
    /// </summary>
    private Task TimerFor(DateTime deadline)
    {
        if (_timer is { IsCompleted: false } running && _timerDeadline == deadline)
        {
            return running;
        }
        _timerCancel?.Cancel();
        _timerCancel?.Dispose();
        _timerCancel = new CancellationTokenSource();
        _timerDeadline = deadline;
        _timer = _context.CreateTimer(deadline, _timerCancel.Token);
        return _timer;
    }

    /// <summary>Cancels the timer left running by the last wait, if any.</summary>
    public void CancelTimer()
    {
        _timerCancel?.Cancel();
        _timerCancel?.Dispose();
        _timerCancel = null;
        _timer = null;
    }

    private bool IsCopyOfEarly(CallEvent e) => e.SourceEventId is { } id && _takenEarly.Remove(id);

    private CallEvent Take()
    {
        var result = _pending!.Result;
        _pending = null;
        return result;
    }
}
