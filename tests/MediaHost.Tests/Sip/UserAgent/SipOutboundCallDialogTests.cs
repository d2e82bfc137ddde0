using System.Net;
using System.Text;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>The dialog of a call we place, on the in-memory network with fake time: routing, re-INVITEs and their 2xx.</summary>
public sealed class SipOutboundCallDialogTests
{
    private static readonly IPEndPoint ProxyEndpoint = new(IPAddress.Parse("10.0.0.3"), 5062);
    private static readonly IPEndPoint NewTargetEndpoint = new(IPAddress.Parse("10.0.0.4"), 5070);

    /// <summary>An in-dialog request from the callee to us (our tag in To).</summary>
    private static string FromCallee(string method, SipMessage invite, int cseq, string branch, string body = "", string extra = "") =>
        FakeSipPeer.Request(method, invite.CallId!, cseq, branch, invite.From!.Tag, body, extra: extra);

    [Fact]
    public async Task ACK_and_BYE_go_to_the_record_routed_proxy_and_name_the_callees_Contact()
    {
        using var bed = new SipTestBed();
        var proxy = new FakeSipPeer(bed.Network, ProxyEndpoint, SipTestBed.UaEndpoint);
        var (session, _) = await bed.PlaceAndAnswerAsync(
            ("Record-Route", "<sip:10.0.0.9;lr>, <sip:10.0.0.3:5062;lr>"), ("Contact", "<sip:callee@10.0.0.4:5070>"));

        var ack = Assert.Single(proxy.Requests("ACK"));
        Assert.Equal("sip:callee@10.0.0.4:5070", ack.RequestUri);
        Assert.Equal(["<sip:10.0.0.3:5062;lr>", "<sip:10.0.0.9;lr>"], ack.Headers.GetAll("Route"));
        Assert.Empty(bed.Peer.Requests("ACK"));

        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
        var bye = Assert.Single(proxy.Requests("BYE"));
        Assert.Equal("sip:callee@10.0.0.4:5070", bye.RequestUri);
        Assert.Empty(bed.Peer.Requests("BYE"));
    }

    [Fact]
    public async Task A_re_INVITE_that_refreshes_the_target_moves_our_later_requests_to_its_Contact()
    {
        using var bed = new SipTestBed();
        var moved = new FakeSipPeer(bed.Network, NewTargetEndpoint, SipTestBed.UaEndpoint);
        var (session, invite) = await bed.PlaceAndAnswerAsync(("Contact", "<sip:callee@10.0.0.2:5060>"));

        bed.Peer.Send(FromCallee("INVITE", invite, 2, "z9hG4bK-re1", FakeSipPeer.Sdp).Replace("Contact: <sip:caller@10.0.0.2:5060>", "Contact: <sip:callee@10.0.0.4:5070>"));
        Assert.Single(bed.Peer.Responses(200), r => r.CSeq!.Value.Number == 2);
        bed.Peer.Send(FromCallee("ACK", invite, 2, "z9hG4bK-re1ack"));

        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
        Assert.Equal("sip:callee@10.0.0.4:5070", Assert.Single(moved.Requests("BYE")).RequestUri);
    }

    [Fact]
    public async Task A_hold_re_INVITE_is_answered_recvonly_and_stops_our_sending_then_resume_restores_it()
    {
        using var bed = new SipTestBed();
        var (session, invite) = await bed.PlaceAndAnswerAsync();
        var media = Assert.Single(bed.Media.Sessions);

        bed.Peer.Send(FromCallee("INVITE", invite, 2, "z9hG4bK-hold", FakeSipPeer.Sdp + "a=sendonly\r\n"));
        var held = bed.Peer.Responses(200).Last();
        Assert.Contains("a=recvonly", Encoding.UTF8.GetString(held.Body.Span));
        Assert.False(media.Applied.Last().MaySend);
        bed.Peer.Send(FromCallee("ACK", invite, 2, "z9hG4bK-holdack"));

        bed.Peer.Send(FromCallee("INVITE", invite, 3, "z9hG4bK-resume", FakeSipPeer.Sdp + "a=sendrecv\r\n"));
        Assert.Contains("a=sendrecv", Encoding.UTF8.GetString(bed.Peer.Responses(200).Last().Body.Span));
        Assert.True(media.Applied.Last().MaySend);
        Assert.False(session.Ended.IsCompleted);
    }

    [Fact]
    public async Task Our_200_to_a_re_INVITE_is_retransmitted_until_the_ACK_and_a_new_offer_meanwhile_gets_491()
    {
        using var bed = new SipTestBed();
        var (session, invite) = await bed.PlaceAndAnswerAsync();

        bed.Peer.Send(FromCallee("INVITE", invite, 2, "z9hG4bK-re", FakeSipPeer.Sdp));
        int OksToReInvite() => bed.Peer.Responses(200).Count(r => r.CSeq!.Value.Number == 2);
        Assert.Equal(1, OksToReInvite());
        bed.Time.Advance(TimeSpan.FromMilliseconds(500)); // T1
        Assert.Equal(2, OksToReInvite());

        bed.Peer.Send(FromCallee("INVITE", invite, 3, "z9hG4bK-glare", FakeSipPeer.Sdp));
        Assert.Single(bed.Peer.Responses(491));

        bed.Peer.Send(FromCallee("ACK", invite, 2, "z9hG4bK-reack"));
        bed.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, OksToReInvite());
        Assert.False(session.Ended.IsCompleted);
    }

    [Fact]
    public async Task A_re_INVITE_never_ACKed_ends_the_call_with_our_BYE_after_64_T1()
    {
        using var bed = new SipTestBed();
        var (session, invite) = await bed.PlaceAndAnswerAsync();

        bed.Peer.Send(FromCallee("INVITE", invite, 2, "z9hG4bK-lost", FakeSipPeer.Sdp));
        bed.Time.Advance(TimeSpan.FromSeconds(33));

        Assert.Single(bed.Peer.Requests("BYE"));
        Assert.Equal(CallEndReason.Error, (await session.Ended.DefaultTimeout()).Reason);
    }

    [Fact]
    public async Task A_re_INVITE_without_SDP_gets_our_offer_and_the_answer_in_the_ACK_updates_the_media()
    {
        using var bed = new SipTestBed();
        var (_, invite) = await bed.PlaceAndAnswerAsync();
        var media = Assert.Single(bed.Media.Sessions);

        bed.Peer.Send(FromCallee("INVITE", invite, 2, "z9hG4bK-late"));
        var offer = Encoding.UTF8.GetString(bed.Peer.Responses(200).Last().Body.Span);
        Assert.Contains("m=audio", offer);
        var answer = "v=0\r\no=- 2 2 IN IP4 10.0.0.2\r\ns=-\r\nc=IN IP4 10.0.0.2\r\nt=0 0\r\nm=audio 30002 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n";
        bed.Peer.Send(FromCallee("ACK", invite, 2, "z9hG4bK-lateack", answer));

        Assert.Equal("PCMA", media.Applied.Last().Codec.Name);
        Assert.Equal(30002, media.Applied.Last().RemoteEndpoint.Port);
    }

    [Fact]
    public async Task A_re_INVITE_with_no_common_codec_is_refused_488_and_the_call_keeps_its_media()
    {
        using var bed = new SipTestBed();
        var (session, invite) = await bed.PlaceAndAnswerAsync();
        var media = Assert.Single(bed.Media.Sessions);
        var before = media.Applied.Count;

        var unusable = "v=0\r\no=- 3 3 IN IP4 10.0.0.2\r\ns=-\r\nc=IN IP4 10.0.0.2\r\nt=0 0\r\nm=audio 30000 RTP/AVP 98\r\na=rtpmap:98 AMR/8000\r\n";
        bed.Peer.Send(FromCallee("INVITE", invite, 2, "z9hG4bK-amr", unusable));

        Assert.Single(bed.Peer.Responses(488));
        Assert.Equal(before, media.Applied.Count);
        Assert.False(session.Ended.IsCompleted);
    }

    [Fact]
    public async Task A_REFER_from_the_far_end_is_refused_403_and_the_call_continues()
    {
        using var bed = new SipTestBed();
        var (session, invite) = await bed.PlaceAndAnswerAsync();

        bed.Peer.Send(FromCallee("REFER", invite, 2, "z9hG4bK-refer", extra: "Refer-To: <sip:premium-line@198.51.100.66>\n"));

        Assert.Single(bed.Peer.Responses(403));
        Assert.Single(bed.Peer.Requests("INVITE")); // no call was placed to the Refer-To target
        Assert.False(session.Ended.IsCompleted);
    }
}
