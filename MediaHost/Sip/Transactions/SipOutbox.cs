namespace VoiceFunctions.MediaHost.Sip.Transactions;

/// <summary>
/// Datagrams waiting to leave, first in first out. <see cref="Flush"/> sends them one sender at a time, so two threads
/// releasing the stack lock one after the other never swap the order of what they queued; when Flush returns, everything
/// queued before it was called is on the wire.
/// </summary>
internal sealed class SipOutbox
{
    private readonly Queue<(SipFlow Flow, ReadOnlyMemory<byte> Datagram)> _queue = new();
    private readonly object _sending = new();

    public void Add(SipFlow flow, ReadOnlyMemory<byte> datagram)
    {
        lock (_queue)
        {
            _queue.Enqueue((flow, datagram));
        }
    }

    public void Flush()
    {
        lock (_sending)
        {
            while (TryTake(out var next))
            {
                next.Flow.Transport.Send(next.Datagram, next.Flow.Remote);
            }
        }
    }

    private bool TryTake(out (SipFlow Flow, ReadOnlyMemory<byte> Datagram) next)
    {
        lock (_queue)
        {
            return _queue.TryDequeue(out next);
        }
    }
}
