using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp.Dtmf;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>RtpMediaSession.SendDtmfAsync on fake time: completes when the digit's last end packet has gone.</summary>
public class RtpMediaSessionDtmfSendTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly DiscardingDatagramSocket _rtp = new(new IPEndPoint(IPAddress.Loopback, 20000));

    private RtpMediaSession Start(int? telephoneEvent = 101, MediaDirection direction = MediaDirection.SendReceive)
    {
        var session = new RtpMediaSession("dtmf", _rtp, new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20001)),
            [MediaCodec.Pcmu, MediaCodec.TelephoneEvent], new RtpOptions(), new MediaClock(_time), _time, new MediaMetrics(), _ => { });
        session.Start(new NegotiatedMedia(new IPEndPoint(IPAddress.Loopback, 30000), MediaCodec.Pcmu, 0, telephoneEvent, 20, direction));
        return session;
    }

    private void Tick(RtpMediaSession session, int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            _time.NowMs += 20;
            session.OnTick(_time.NowMs);
        }
    }

    [Fact]
    public async Task A_digit_completes_after_its_duration_and_the_three_end_packets()
    {
        var session = Start();
        var send = session.SendDtmfAsync('9', TimeSpan.FromMilliseconds(100), CancellationToken.None);

        // 100 ms is 5 packets, the 5th the first end; then 2 more ends: 7 packets in all, one per tick.
        Tick(session, 5 + DtmfSender.EndRepeats - 2);
        Assert.True(session.Outbound!.IsSendingDtmf, "the last end packet is still to go");
        Assert.False(send.IsCompleted);
        Tick(session, 1);

        Assert.True(await send.DefaultTimeout());
        Assert.False(session.Outbound!.IsSendingDtmf);
        Assert.Equal(5 + DtmfSender.EndRepeats - 1, _rtp.Sent);
        await session.StopAsync();
    }

    [Fact]
    public async Task Digits_sent_together_go_one_after_another()
    {
        var session = Start();
        var first = session.SendDtmfAsync('1', TimeSpan.FromMilliseconds(40), CancellationToken.None);
        var second = session.SendDtmfAsync('2', TimeSpan.FromMilliseconds(40), CancellationToken.None);

        Tick(session, 2 + DtmfSender.EndRepeats);
        Assert.True(await first.DefaultTimeout());
        Assert.False(second.IsCompleted);
        await MediaTestPeer.Eventually(() => session.Outbound!.IsSendingDtmf, "the second digit takes its turn");
        Tick(session, 2 + DtmfSender.EndRepeats);

        Assert.True(await second.DefaultTimeout());
        await session.StopAsync();
    }

    [Fact]
    public async Task Without_telephone_event_or_while_on_hold_it_returns_false_so_SIP_INFO_is_used()
    {
        var plain = Start(telephoneEvent: null);
        Assert.False(await plain.SendDtmfAsync('1', TimeSpan.FromMilliseconds(100), CancellationToken.None).DefaultTimeout());
        await plain.StopAsync();

        var held = Start(direction: MediaDirection.ReceiveOnly);
        Assert.False(await held.SendDtmfAsync('1', TimeSpan.FromMilliseconds(100), CancellationToken.None).DefaultTimeout());
        await held.StopAsync();
    }

    [Fact]
    public async Task A_digit_still_playing_when_the_call_stops_reports_false()
    {
        var session = Start();
        var send = session.SendDtmfAsync('3', TimeSpan.FromMilliseconds(200), CancellationToken.None);
        Tick(session, 2);

        await session.StopAsync();

        Assert.False(await send.DefaultTimeout());
    }
}
