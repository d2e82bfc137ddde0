using Microsoft.DurableTask;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// Receives a call's events inside the orchestrator, each wait bounded by a durable timer. One
/// event waiter stays pending across waits (it is never cancelled), so an event that arrives after a
/// timeout is delivered to the next wait instead of being swallowed by an abandoned waiter.
/// </summary>
internal sealed class CallInbox
{
    private readonly TaskOrchestrationContext _context;
    private Task<CallEvent>? _pending;

    public CallInbox(TaskOrchestrationContext context) => _context = context;

    /// <summary>The next event, or null when <paramref name="deadline"/> passes first.</summary>
    public async Task<CallEvent?> NextAsync(DateTime deadline)
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

    /// <summary>The next event, or null when <paramref name="work"/> (an activity of this orchestration) completes first.</summary>
    public async Task<CallEvent?> NextBeforeAsync(Task work)
    {
        _pending ??= _context.WaitForExternalEvent<CallEvent>(CallEvent.EventName);
        if (_pending.IsCompleted)
        {
            return Take();
        }
        return await Task.WhenAny(_pending, work) == _pending ? Take() : null;
    }

    private CallEvent Take()
    {
        var result = _pending!.Result;
        _pending = null;
        return result;
    }
}
