using System.Text;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>Inbound calls end to end against a scripted peer on the in-memory network, with fake time.</summary>
public sealed class SipUserAgentCallTests
{
    [Fact]
    public async Task An_INVITE_is_answered_100_180_200_with_SDP_and_the_ACK_starts_a_confirmed_call()
    {
        using var bed = new SipTestBed();
        var incoming = await bed.RingAsync("call-1");

        Assert.Equal("+15550001111", incoming.Call.Called);
        Assert.Equal("+15552223333", incoming.Call.Caller);
        Assert.Equal("PCMU/8000", incoming.Call.Codec);
        Assert.Single(bed.Peer.Responses(100));
        var ringing = Assert.Single(bed.Peer.Responses(180));
        Assert.NotNull(ringing.To!.Tag);

        await incoming.AnswerAsync(CancellationToken.None).DefaultTimeout();
        var ok = Assert.Single(bed.Peer.Responses(200));
        Assert.Equal(ringing.To.Tag, ok.To!.Tag);
        Assert.Equal("application/sdp", ok.ContentType);
        Assert.Contains("m=audio 40002 RTP/AVP 0 101", Encoding.UTF8.GetString(ok.Body.Span));
        Assert.Contains("received=10.0.0.2", ok.Headers.Get("Via"));
        Assert.Contains("rport=5060", ok.Headers.Get("Via"));
        var media = Assert.Single(bed.Media.Sessions).Applied.Single();
        Assert.Equal(30000, media.RemoteEndpoint.Port);

        bed.Peer.Send(FakeSipPeer.Request("ACK", "call-1", 1, "z9hG4bK-ack", ok.To.Tag));
        bed.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Single(bed.Peer.Responses(200)); // ACKed: no retransmission
        Assert.Equal(1, bed.Agent.ActiveCalls);
    }

    [Fact]
    public async Task A_retransmitted_INVITE_makes_one_call_and_gets_the_last_response_again()
    {
        using var bed = new SipTestBed();
        await bed.RingAsync("call-2", "z9hG4bK-same");
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-2", 1, "z9hG4bK-same", body: FakeSipPeer.Sdp));
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-2", 1, "z9hG4bK-same", body: FakeSipPeer.Sdp));

        Assert.Single(bed.Media.Sessions);
        Assert.Equal(1, bed.Agent.ActiveCalls);
        Assert.Equal(3, bed.Peer.Responses(180).Count()); // absorbed: the last response is repeated
    }

    [Fact]
    public async Task The_same_INVITE_again_in_a_new_transaction_is_refused_482_as_a_merged_request_not_taken_for_a_second_call()
    {
        using var bed = new SipTestBed();
        await bed.RingAsync("call-merged", "z9hG4bK-first");
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-merged", 1, "z9hG4bK-second-path", body: FakeSipPeer.Sdp));

        var loop = Assert.Single(bed.Peer.Responses(482));
        Assert.Equal("Loop Detected", loop.ReasonPhrase);
        Assert.Single(bed.Media.Sessions);
        Assert.Equal(1, bed.Agent.ActiveCalls);
    }

    [Fact]
    public async Task An_INVITE_on_the_same_Call_ID_with_a_new_CSeq_and_no_To_tag_is_not_a_merged_request()
    {
        using var bed = new SipTestBed();
        await bed.RingAsync("call-again", "z9hG4bK-one");
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-again", 2, "z9hG4bK-two", body: FakeSipPeer.Sdp));

        Assert.Empty(bed.Peer.Responses(482));
        Assert.Equal(2, bed.Media.Sessions.Count);
    }

    [Fact]
    public void An_INVITE_requiring_an_extension_we_lack_is_refused_420_naming_it_and_starts_no_call()
    {
        using var bed = new SipTestBed();
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-100rel", 1, "z9hG4bK-100rel", body: FakeSipPeer.Sdp, extra: "Require: 100rel\n"));

        var refused = Assert.Single(bed.Peer.Responses(420));
        Assert.Equal("Bad Extension", refused.ReasonPhrase);
        Assert.Equal("100rel", refused.Headers.Get(SipHeaderNames.Unsupported));
        Assert.Empty(bed.Media.Sessions);
        Assert.Equal(0, bed.Agent.ActiveCalls);
    }

    [Fact]
    public void Every_required_extension_is_listed_as_unsupported_and_we_claim_to_support_none()
    {
        using var bed = new SipTestBed();
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "opt-require", 1, "z9hG4bK-opt", extra: "Require: timer, 100rel\nRequire: replaces\n"));
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "opt-plain", 1, "z9hG4bK-opt2"));

        Assert.Equal(["timer", "100rel", "replaces"], Assert.Single(bed.Peer.Responses(420)).Headers.GetAll(SipHeaderNames.Unsupported));
        Assert.Equal("", Assert.Single(bed.Peer.Responses(200)).Headers.Get(SipHeaderNames.Supported));
    }

    [Fact]
    public async Task A_re_INVITE_on_the_early_dialog_while_we_still_ring_gets_500_with_a_Retry_After_of_at_most_10_s()
    {
        using var bed = new SipTestBed();
        await bed.RingAsync("call-early-reinvite");
        var tag = Assert.Single(bed.Peer.Responses(180)).To!.Tag;
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-early-reinvite", 2, "z9hG4bK-early-re", tag, FakeSipPeer.Sdp));

        var refused = Assert.Single(bed.Peer.Responses(500));
        Assert.InRange(int.Parse(refused.Headers.Get(SipHeaderNames.RetryAfter)!), 0, 10);
        Assert.Equal(1, bed.Agent.ActiveCalls); // the call still rings
        Assert.Empty(bed.Peer.Responses(491));
    }

    [Fact]
    public async Task A_lost_ACK_has_the_200_retransmitted_until_timer_H_then_the_dialog_is_torn_down_with_BYE()
    {
        using var bed = new SipTestBed();
        var incoming = await bed.RingAsync("call-3");
        var session = await incoming.AnswerAsync(CancellationToken.None).DefaultTimeout();

        bed.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, bed.Peer.Responses(200).Count());
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, bed.Peer.Responses(200).Count()); // T1 doubling: 0.5 s, then 1 s
        for (var i = 0; i < 62; i++)
        {
            bed.Time.Advance(TimeSpan.FromMilliseconds(500)); // fake time fires each timer once per step
        }
        var retransmissions = bed.Peer.Responses(200).Count();
        Assert.InRange(retransmissions, 9, 12); // capped at T2 = 4 s within 64*T1 = 32 s

        var ended = await session.Ended.DefaultTimeout();
        Assert.Equal(CallEndReason.Error, ended.Reason);
        Assert.NotEmpty(bed.Peer.Requests("BYE")); // (retransmitted by Timer E: this peer never answers)
        Assert.Equal(0, bed.Agent.ActiveCalls);
        Assert.True(bed.Media.Sessions[0].Stopped);
    }

    [Fact]
    public async Task CANCEL_before_answer_gets_200_and_the_INVITE_487()
    {
        using var bed = new SipTestBed();
        var incoming = await bed.RingAsync("call-4", "z9hG4bK-c");
        bed.Peer.Send(FakeSipPeer.Request("CANCEL", "call-4", 1, "z9hG4bK-c"));

        Assert.Contains(bed.Peer.Responses(200), r => r.CSeq!.Value.Method == "CANCEL");
        Assert.Single(bed.Peer.Responses(487));
        await Assert.ThrowsAsync<InvalidOperationException>(() => incoming.AnswerAsync(CancellationToken.None));
        Assert.Equal(0, bed.Agent.ActiveCalls);

        // The 487 is retransmitted (Timer G) until the ACK, then absorbed.
        bed.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, bed.Peer.Responses(487).Count());
        bed.Peer.Send(FakeSipPeer.Request("ACK", "call-4", 1, "z9hG4bK-c", bed.Peer.Responses(487).First().To!.Tag));
        bed.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, bed.Peer.Responses(487).Count());
    }

    [Fact]
    public async Task CANCEL_for_an_unknown_transaction_gets_481()
    {
        using var bed = new SipTestBed();
        bed.Peer.Send(FakeSipPeer.Request("CANCEL", "nobody", 1, "z9hG4bK-x"));
        Assert.Single(bed.Peer.Responses(481));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task BYE_from_the_caller_ends_the_call_and_a_retransmitted_BYE_is_answered_again()
    {
        using var bed = new SipTestBed();
        var (session, tag) = await bed.ConnectAsync("call-5");
        bed.Peer.Send(FakeSipPeer.Request("BYE", "call-5", 2, "z9hG4bK-bye", tag));
        bed.Peer.Send(FakeSipPeer.Request("BYE", "call-5", 2, "z9hG4bK-bye", tag));

        var ended = await session.Ended.DefaultTimeout();
        Assert.Equal(CallEndReason.CallerHangUp, ended.Reason);
        Assert.Equal(2, bed.Peer.Responses(200).Count(r => r.CSeq!.Value.Method == "BYE"));
        Assert.Empty(bed.Peer.Responses(481));
    }

    [Fact]
    public async Task A_BYE_on_the_ringing_calls_early_dialog_ends_it_and_the_INVITE_gets_487()
    {
        using var bed = new SipTestBed();
        var incoming = await bed.RingAsync("call-early-bye", "z9hG4bK-early");
        var tag = Assert.Single(bed.Peer.Responses(180)).To!.Tag;

        bed.Peer.Send(FakeSipPeer.Request("BYE", "call-early-bye", 2, "z9hG4bK-early-bye", tag));

        Assert.Contains(bed.Peer.Responses(200), r => r.CSeq!.Value.Method == "BYE");
        Assert.Single(bed.Peer.Responses(487), r => r.CSeq!.Value.Method == "INVITE");
        await Assert.ThrowsAsync<InvalidOperationException>(() => incoming.AnswerAsync(CancellationToken.None));
        Assert.Equal(0, bed.Agent.ActiveCalls);
    }

    [Fact]
    public async Task Our_hang_up_sends_BYE_which_is_retransmitted_until_answered()
    {
        using var bed = new SipTestBed();
        var (session, _) = await bed.ConnectAsync("call-6");
        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None).DefaultTimeout();

        Assert.Equal(CallEndReason.AgentHangUp, (await session.Ended.DefaultTimeout()).Reason);
        var bye = Assert.Single(bed.Peer.Requests("BYE"));
        Assert.Equal("sip:caller@10.0.0.2:5060", bye.RequestUri);
        Assert.Equal("peer-tag", bye.To!.Tag);
        bed.Time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, bed.Peer.Requests("BYE").Count()); // Timer E
        var ok = SipResponseBuilder.Create(bye, 200, "OK");
        bed.Peer.Send(ok);
        bed.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, bed.Peer.Requests("BYE").Count());
    }

    [Fact]
    public async Task A_re_INVITE_with_sendonly_puts_us_on_hold_and_sendrecv_takes_us_off()
    {
        using var bed = new SipTestBed();
        var (_, tag) = await bed.ConnectAsync("call-7");
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-7", 2, "z9hG4bK-hold", tag, FakeSipPeer.Sdp + "a=sendonly\r\n"));
        var holdOk = bed.Peer.Responses(200).Last();
        Assert.Contains("a=recvonly", Encoding.UTF8.GetString(holdOk.Body.Span));
        Assert.Contains("o=- ", Encoding.UTF8.GetString(holdOk.Body.Span));
        bed.Peer.Send(FakeSipPeer.Request("ACK", "call-7", 2, "z9hG4bK-ack2", tag));

        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-7", 3, "z9hG4bK-unhold", tag, FakeSipPeer.Sdp));
        Assert.Contains("a=sendrecv", Encoding.UTF8.GetString(bed.Peer.Responses(200).Last().Body.Span));
        bed.Peer.Send(FakeSipPeer.Request("ACK", "call-7", 3, "z9hG4bK-ack3", tag));

        var applied = bed.Media.Sessions[0].Applied;
        Assert.Equal([MediaDirection.SendReceive, MediaDirection.ReceiveOnly, MediaDirection.SendReceive], applied.Select(m => m.Direction));
    }

    [Fact]
    public async Task A_re_INVITE_with_no_common_codec_gets_488_and_the_call_continues()
    {
        using var bed = new SipTestBed();
        var (session, tag) = await bed.ConnectAsync("call-8");
        var g729 = FakeSipPeer.Sdp.Replace("RTP/AVP 0 101", "RTP/AVP 18");
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-8", 2, "z9hG4bK-g729", tag, g729));
        Assert.Single(bed.Peer.Responses(488));
        Assert.False(session.Ended.IsCompleted);
        Assert.Single(bed.Media.Sessions[0].Applied);
    }

    [Fact]
    public async Task SIP_INFO_DTMF_reaches_the_session()
    {
        using var bed = new SipTestBed();
        var (session, tag) = await bed.ConnectAsync("call-9");
        bed.Peer.Send(FakeSipPeer.Request("INFO", "call-9", 2, "z9hG4bK-info", tag, "Signal=5\r\nDuration=160\r\n", "application/dtmf-relay"));
        Assert.Contains(bed.Peer.Responses(200), r => r.CSeq!.Value.Method == "INFO");

        await using var digits = session.DtmfDigits(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await digits.MoveNextAsync().AsTask().DefaultTimeout());
        Assert.Equal(new DtmfDigit('5', TimeSpan.FromMilliseconds(160)), digits.Current);
    }

    [Fact]
    public async Task A_blind_transfer_sends_REFER_and_succeeds_on_the_final_NOTIFY_then_hangs_up()
    {
        using var bed = new SipTestBed();
        var (session, tag) = await bed.ConnectAsync("call-10");
        var transfer = session.TransferAsync("sip:operator@10.0.0.9", CancellationToken.None);
        var refer = Assert.Single(bed.Peer.Requests("REFER"));
        Assert.Equal("<sip:operator@10.0.0.9>", refer.Headers.Get("Refer-To"));
        bed.Peer.Send(SipResponseBuilder.Create(refer, 202, "Accepted"));
        bed.Peer.Send(FakeSipPeer.Request("NOTIFY", "call-10", 2, "z9hG4bK-n1", tag, "SIP/2.0 100 Trying\r\n", "message/sipfrag", "Event: refer\nSubscription-State: active\n"));
        Assert.False(transfer.IsCompleted);
        bed.Peer.Send(FakeSipPeer.Request("NOTIFY", "call-10", 3, "z9hG4bK-n2", tag, "SIP/2.0 200 OK\r\n", "message/sipfrag", "Event: refer\nSubscription-State: terminated\n"));

        var result = await transfer.DefaultTimeout();
        Assert.True(result.Succeeded);
        Assert.Equal(200, result.SipStatus);
        Assert.Equal(2, bed.Peer.Responses(200).Count(r => r.CSeq?.Method == "NOTIFY")); // both NOTIFYs of our REFER's subscription
        Assert.Equal(CallEndReason.Transferred, (await session.Ended.DefaultTimeout()).Reason);
        Assert.Single(bed.Peer.Requests("BYE"));
    }

    [Fact]
    public async Task A_call_with_no_common_codec_is_refused_488_and_its_port_released()
    {
        using var bed = new SipTestBed();
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-11", 1, "z9hG4bK-i", body: FakeSipPeer.Sdp.Replace("RTP/AVP 0 101", "RTP/AVP 18")));
        var refused = Assert.Single(bed.Peer.Responses(488));
        Assert.Contains("no common codec", refused.Headers.Get("Warning"));
        Assert.True(bed.Media.Sessions[0].Stopped);
        Assert.Equal(0, bed.Agent.ActiveCalls);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task An_exhausted_port_pool_and_the_call_limit_give_503_never_a_degraded_call()
    {
        using var bed = new SipTestBed(new SipUserAgentOptions { MaxConcurrentCalls = 1 });
        bed.Media.PortsLeft = 0;
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-12", 1, "z9hG4bK-p", body: FakeSipPeer.Sdp));
        Assert.Contains("port pool exhausted", Assert.Single(bed.Peer.Responses(503)).ReasonPhrase);

        bed.Media.PortsLeft = 10;
        await bed.RingAsync("call-13", "z9hG4bK-q");
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-14", 1, "z9hG4bK-r", body: FakeSipPeer.Sdp));
        Assert.Contains(bed.Peer.Responses(503), r => r.ReasonPhrase!.Contains("call limit"));
    }

    [Fact]
    public async Task While_draining_new_INVITEs_get_503_with_Retry_After()
    {
        using var bed = new SipTestBed();
        bed.Agent.StopAcceptingCalls();
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-15", 1, "z9hG4bK-d", body: FakeSipPeer.Sdp));
        var busy = Assert.Single(bed.Peer.Responses(503));
        Assert.Equal("30", busy.Headers.Get("Retry-After"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task While_draining_a_front_door_probe_OPTIONS_gets_503_and_before_it_200()
    {
        using var bed = new SipTestBed();
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "probe-1", 1, "z9hG4bK-p1"));
        Assert.Single(bed.Peer.Responses(200));
        bed.Agent.StopAcceptingCalls();
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "probe-2", 1, "z9hG4bK-p2"));
        var draining = Assert.Single(bed.Peer.Responses(503));
        Assert.Equal("30", draining.Headers.Get("Retry-After"));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task An_INVITE_without_SDP_gets_our_offer_in_the_200_and_the_ACK_answer_starts_media()
    {
        using var bed = new SipTestBed();
        var incoming = await bed.RingAsync("call-16", body: "");
        await incoming.AnswerAsync(CancellationToken.None).DefaultTimeout();
        var ok = bed.Peer.Responses(200).Single();
        Assert.Contains("RTP/AVP 0 8 9 111 101", Encoding.UTF8.GetString(ok.Body.Span));
        Assert.Empty(bed.Media.Sessions[0].Applied);
        var answer = FakeSipPeer.Sdp.Replace("RTP/AVP 0 101", "RTP/AVP 8").Replace("a=rtpmap:101 telephone-event/8000\r\n", "");
        bed.Peer.Send(FakeSipPeer.Request("ACK", "call-16", 1, "z9hG4bK-lateack", ok.To!.Tag, answer));
        Assert.Equal("PCMA", Assert.Single(bed.Media.Sessions[0].Applied).Codec.Name);
    }
}
