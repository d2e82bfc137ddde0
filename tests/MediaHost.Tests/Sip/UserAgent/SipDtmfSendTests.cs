using System.Text;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>ICallSession.SendDtmfAsync at the SIP layer: RFC 4733 in the media when it can, SIP INFO when it cannot.</summary>
public class SipDtmfSendTests
{
    [Fact]
    public async Task With_telephone_event_negotiated_the_digit_goes_in_the_media_and_no_INFO_is_sent()
    {
        using var bed = new SipTestBed();
        var (session, _) = await bed.ConnectAsync("dtmf-1");
        bed.Media.Sessions[0].SendsRtpEvents = true;

        Assert.True(await session.SendDtmfAsync('5', TimeSpan.FromMilliseconds(100), CancellationToken.None).DefaultTimeout());

        Assert.Equal(['5'], bed.Media.Sessions[0].DigitsSent);
        Assert.Empty(bed.Peer.Requests("INFO"));
    }

    [Fact]
    public async Task Without_telephone_event_the_digit_goes_as_SIP_INFO_dtmf_relay_and_its_200_completes_the_send()
    {
        using var bed = new SipTestBed();
        var (session, tag) = await bed.ConnectAsync("dtmf-2");

        var send = session.SendDtmfAsync('a', TimeSpan.FromMilliseconds(240), CancellationToken.None);

        var info = Assert.Single(bed.Peer.Requests("INFO"));
        Assert.Equal("application/dtmf-relay", info.ContentType);
        Assert.Equal("Signal=A\r\nDuration=240\r\n", Encoding.ASCII.GetString(info.Body.Span));
        Assert.Contains(tag, info.Headers.Get(SipHeaderNames.From));
        Assert.True(DtmfInfoParser.TryParse(info.ContentType, info.Body.Span, out var parsed));
        Assert.Equal(new MediaModel.DtmfDigit('A', TimeSpan.FromMilliseconds(240)), parsed);
        Assert.False(send.IsCompleted, "the send completes with the peer's answer");
        bed.Peer.Send(SipResponseBuilder.Create(info, 200, "OK"));
        Assert.True(await send.DefaultTimeout());
    }

    [Fact]
    public async Task An_INFO_the_peer_refuses_reports_the_digit_as_not_sent()
    {
        using var bed = new SipTestBed();
        var (session, _) = await bed.ConnectAsync("dtmf-3");

        var send = session.SendDtmfAsync('#', TimeSpan.FromMilliseconds(160), CancellationToken.None);
        bed.Peer.Send(SipResponseBuilder.Create(Assert.Single(bed.Peer.Requests("INFO")), 415, "Unsupported Media Type"));

        Assert.False(await send.DefaultTimeout());
    }

    [Fact]
    public async Task A_key_that_is_not_DTMF_is_refused_with_a_clear_error_and_nothing_is_sent()
    {
        using var bed = new SipTestBed();
        var (session, _) = await bed.ConnectAsync("dtmf-4");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => session.SendDtmfAsync('x', TimeSpan.FromMilliseconds(100), CancellationToken.None));

        Assert.Contains("'x' is not a DTMF key", error.Message);
        Assert.Empty(bed.Peer.Requests("INFO"));
    }

    [Fact]
    public async Task After_the_call_ended_no_digit_is_sent()
    {
        using var bed = new SipTestBed();
        var (session, _) = await bed.ConnectAsync("dtmf-5");
        await session.HangUpAsync(Shared.Calls.CallEndReason.AgentHangUp, CancellationToken.None);

        Assert.False(await session.SendDtmfAsync('1', TimeSpan.FromMilliseconds(100), CancellationToken.None).DefaultTimeout());
        Assert.Empty(bed.Peer.Requests("INFO"));
    }
}
