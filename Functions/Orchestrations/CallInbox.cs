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
        using var timerCancel = new CancellationTokenSource();
        var timer = _context.CreateTimer(deadline, timerCancel.Token);
        var winner = await Task.WhenAny(_pending, timer);
        if (winner == _pending)
        {
            timerCancel.Cancel();
            return Take();
        }
        return null;
    }

    private bool IsCopyOfEarly(CallEvent e) => e.SourceEventId is { } id && _takenEarly.Remove(id);

    private CallEvent Take()
    {
        var result = _pending!.Result;
        _pending = null;
        return result;
    }
}
