using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.TestSupport;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>
/// Through a whole call (provisionals, the 200 and its retransmission by timer, in-dialog answers, our BYE and its
/// retransmission) the user agent never sends a datagram while this thread holds the stack lock.
/// </summary>
public sealed class SipSendOutsideLockTests
{
    [Fact]
    public async Task No_datagram_of_a_whole_call_leaves_while_the_stack_lock_is_held()
    {
        using var bed = new SipTestBed();
        var sent = 0;
        var underLock = 0;
        bed.Network.Filter = (from, _, _) =>
        {
            if (from.Equals(SipTestBed.UaEndpoint))
            {
                Interlocked.Increment(ref sent);
                if (bed.Agent.Endpoint.Lock.IsHeldByCurrentThread)
                {
                    Interlocked.Increment(ref underLock);
                }
            }
            return true;
        };

        var incoming = await bed.RingAsync("call-lock-1");
        var session = await incoming.AnswerAsync(CancellationToken.None).DefaultTimeout();
        bed.Time.Advance(TimeSpan.FromMilliseconds(500)); // no ACK yet: the 200 is retransmitted by timer
        var tag = bed.Peer.Responses(200).Last().To!.Tag!;
        bed.Peer.Send(FakeSipPeer.Request("ACK", "call-lock-1", 1, "z9hG4bK-ack1", tag));
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "call-lock-1", 2, "z9hG4bK-opt", tag));
        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
        bed.Time.Advance(TimeSpan.FromMilliseconds(500)); // the BYE is not answered: retransmitted by timer

        Assert.True(bed.Peer.Responses(200).Count() >= 3); // the 200, its retransmission, the 200 to OPTIONS
        Assert.True(bed.Peer.Requests("BYE").Count() >= 2);
        Assert.True(sent >= 7, $"only {sent} datagrams sent");
        Assert.Equal(0, underLock);
    }
}
