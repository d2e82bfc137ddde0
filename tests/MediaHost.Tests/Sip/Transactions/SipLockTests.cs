using System.Net;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Tests.Sip.Transactions;

/// <summary>The stack lock's outbox: nothing is sent while the lock is held, and datagrams leave in the order they were queued.</summary>
public sealed class SipLockTests
{
    private readonly SipLock _lock = new();
    private readonly LockWatchingTransport _transport;
    private readonly SipFlow _flow;

    public SipLockTests()
    {
        _transport = new LockWatchingTransport(_lock);
        _flow = new SipFlow(_transport, new IPEndPoint(IPAddress.Loopback, 5080));
    }

    [Fact]
    public void Datagrams_sent_under_the_lock_leave_in_order_once_it_is_released()
    {
        using (_lock.Enter())
        {
            for (var i = 1; i <= 5; i++)
            {
                _lock.Send(_flow, BitConverter.GetBytes(i));
            }
            Assert.Empty(_transport.Sent);
        }
        Assert.Equal([1, 2, 3, 4, 5], _transport.Sent);
        Assert.Equal(0, _transport.SentUnderLock);
    }

    [Fact]
    public void A_nested_release_leaves_the_sending_to_the_outermost_one()
    {
        using (_lock.Enter())
        {
            using (_lock.Enter())
            {
                _lock.Send(_flow, BitConverter.GetBytes(1));
            }
            Assert.Empty(_transport.Sent);
        }
        Assert.Equal([1], _transport.Sent);
    }

    [Fact]
    public void A_send_outside_the_lock_leaves_at_once()
    {
        _lock.Send(_flow, BitConverter.GetBytes(7));
        Assert.Equal([7], _transport.Sent);
    }

    [Fact]
    public async Task Threads_taking_the_lock_in_turn_have_their_datagrams_sent_in_the_order_the_lock_saw_them()
    {
        var next = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                using (_lock.Enter())
                {
                    _lock.Send(_flow, BitConverter.GetBytes(++next)); // numbered under the lock: the lock's order
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(Enumerable.Range(1, 2000), _transport.Sent);
        Assert.Equal(0, _transport.SentUnderLock);
    }
}
