namespace VoiceFunctions.MediaHost.Sip.Transactions;

/// <summary>
/// The SIP stack's one lock, which guards every transaction and dialog, and its outbox. Nothing goes on the wire while
/// the lock is held: a datagram sent under it is queued, and the thread that releases the lock last sends the queue, in
/// the order it was filled. A slow or re-entrant transport therefore never holds up (or re-enters) protocol state.
/// </summary>
public sealed class SipLock
{
    private readonly object _gate = new();
    private readonly SipOutbox _outbox = new();

    /// <summary>True when this thread holds the lock (tests check that sends happen outside it).</summary>
    public bool IsHeldByCurrentThread => Monitor.IsEntered(_gate);

    /// <summary>Takes the lock until the returned scope is disposed; what was sent meanwhile leaves then.</summary>
    public Scope Enter()
    {
        Monitor.Enter(_gate);
        return new Scope(this);
    }

    /// <summary>Runs <paramref name="action"/> under the lock, then sends what it queued.</summary>
    public void Run(Action action)
    {
        using (Enter())
        {
            action();
        }
    }

    /// <summary>Queues <paramref name="datagram"/> for <paramref name="flow"/>; sent at once when the lock is not held here.</summary>
    public void Send(SipFlow flow, ReadOnlyMemory<byte> datagram)
    {
        _outbox.Add(flow, datagram);
        if (!IsHeldByCurrentThread)
        {
            _outbox.Flush();
        }
    }

    private void Exit()
    {
        Monitor.Exit(_gate);
        if (!IsHeldByCurrentThread)
        {
            _outbox.Flush(); // the outermost release sends; a nested one leaves it to its owner
        }
    }

    /// <summary>Holding the lock; disposing releases it and sends what was queued.</summary>
    public readonly struct Scope(SipLock owner) : IDisposable
    {
        public void Dispose() => owner.Exit();
    }
}
