using System.Text;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>Giving up on a call we placed before it is answered: CANCEL (RFC 3261 section 9.1), and no answered call left behind.</summary>
public sealed class SipOutboundCallCancelTests
{
    private static Task<ICallSession> Place(SipTestBed bed, CancellationToken token) =>
        bed.Agent.PlaceCallAsync(new SipOutboundCallRequest("sip:+15552223333@10.0.0.2", SipTestBed.PeerEndpoint, "agent"), token);

    [Fact]
    public async Task Cancelling_a_ringing_call_sends_a_CANCEL_that_matches_the_INVITE_and_frees_the_call()
    {
        using var bed = new SipTestBed();
        using var ringTimeout = new CancellationTokenSource();
        var placed = Place(bed, ringTimeout.Token);
        var invite = Assert.Single(bed.Peer.Requests("INVITE"));
        bed.Peer.Send(SipResponseBuilder.Create(invite, 180, "Ringing", "peer-tag"));

        ringTimeout.Cancel();

        var cancel = Assert.Single(bed.Peer.Requests("CANCEL"));
        Assert.Equal(invite.RequestUri, cancel.RequestUri);
        Assert.Equal(invite.TopVia!.Branch, cancel.TopVia!.Branch);
        Assert.Equal(invite.CSeq!.Value.Number, cancel.CSeq!.Value.Number);
        Assert.Equal(invite.Headers.Get("From"), cancel.Headers.Get("From"));
        Assert.Equal(invite.Headers.Get("To"), cancel.Headers.Get("To"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => placed.DefaultTimeout());
        Assert.Equal(0, bed.Agent.ActiveCalls);
        Assert.True(Assert.Single(bed.Media.Sessions).Stopped);

        bed.Peer.Send(SipResponseBuilder.Create(cancel, 200, "OK", "peer-tag"));
        bed.Peer.Send(SipResponseBuilder.Create(invite, 487, "Request Terminated", "peer-tag"));
        Assert.Single(bed.Peer.Requests("ACK")); // the INVITE transaction ACKs the 487
        Assert.Empty(bed.Peer.Requests("BYE"));
    }

    private sealed class SentMethods : ISipMessageObserver
    {
        public List<string> Requests { get; } = [];

        public void Observe(SipMessage message, bool sent)
        {
            if (sent && message.IsRequest)
            {
                Requests.Add(message.Method!);
            }
        }
    }

    [Fact]
    public async Task Our_CANCEL_is_observed_like_every_other_request_we_send_so_it_reaches_the_call_timeline()
    {
        var sent = new SentMethods();
        using var bed = new SipTestBed(new SipUserAgentOptions { MessageObserver = sent });
        using var ringTimeout = new CancellationTokenSource();
        var placed = Place(bed, ringTimeout.Token);
        var invite = Assert.Single(bed.Peer.Requests("INVITE"));
        bed.Peer.Send(SipResponseBuilder.Create(invite, 180, "Ringing", "peer-tag"));

        ringTimeout.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => placed.DefaultTimeout());
        Assert.Equal(["INVITE", "CANCEL"], sent.Requests);
        Assert.Equal("VoiceFunctions", Assert.Single(bed.Peer.Requests("CANCEL")).Headers.Get("User-Agent"));
    }

    [Fact]
    public async Task A_CANCEL_waits_for_the_first_provisional_response()
    {
        using var bed = new SipTestBed();
        using var ringTimeout = new CancellationTokenSource();
        var placed = Place(bed, ringTimeout.Token);
        var invite = Assert.Single(bed.Peer.Requests("INVITE"));

        ringTimeout.Cancel();
        Assert.Empty(bed.Peer.Requests("CANCEL"));
        bed.Peer.Send(SipResponseBuilder.Create(invite, 100, "Trying"));

        Assert.Single(bed.Peer.Requests("CANCEL"));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => placed.DefaultTimeout());
    }

    [Fact]
    public async Task An_answer_that_crosses_our_CANCEL_is_ACKed_and_hung_up_at_once()
    {
        using var bed = new SipTestBed();
        using var ringTimeout = new CancellationTokenSource();
        var placed = Place(bed, ringTimeout.Token);
        var invite = Assert.Single(bed.Peer.Requests("INVITE"));
        bed.Peer.Send(SipResponseBuilder.Create(invite, 180, "Ringing", "peer-tag"));
        ringTimeout.Cancel();

        var ok = SipResponseBuilder.Create(invite, 200, "OK", "peer-tag");
        ok.Headers.Add("Contact", "<sip:callee@10.0.0.2:5060>");
        ok.Headers.Add("Content-Type", "application/sdp");
        ok.Body = Encoding.UTF8.GetBytes(FakeSipPeer.Sdp);
        bed.Peer.Send(ok);

        Assert.Single(bed.Peer.Requests("ACK"));
        var bye = Assert.Single(bed.Peer.Requests("BYE"));
        Assert.Equal("sip:callee@10.0.0.2:5060", bye.RequestUri);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => placed.DefaultTimeout());
        Assert.Equal(0, bed.Agent.ActiveCalls);
    }
}
