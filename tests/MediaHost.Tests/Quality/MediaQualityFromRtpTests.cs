using System.Net;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Quality;
using VoiceFunctions.MediaHost.Rtp;
using VoiceFunctions.MediaHost.Tests.Media;

namespace VoiceFunctions.MediaHost.Tests.Quality;

/// <summary>
/// A call's quality figures read from its real receive path: RTP with seeded loss through the session (parse,
/// sequence accounting, jitter buffer, concealment), and the caller's RTCP receiver report on our stream. Time is
/// fake (one clock for the media and the wall), so the figures are exact on any machine.
/// </summary>
public sealed class MediaQualityFromRtpTests
{
    private static readonly DateTimeOffset Wall = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static (RtpMediaSession Session, FakeClock Time, int Sent) RunCall(double lossRate, int seconds)
    {
        var time = new FakeClock();
        var session = new RtpMediaSession("quality", new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20000)),
            new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20001)), [MediaCodec.Pcmu], new RtpOptions(), new MediaClock(time), time, new MediaMetrics(), _ => { });
        var peer = new IPEndPoint(IPAddress.Loopback, 30000);
        session.Start(new NegotiatedMedia(peer, MediaCodec.Pcmu, 0, 101, 20, MediaDirection.SendReceive));
        Assert.True(AudioCodecs.TryCreate("PCMU", out var codec));
        var tone = ToneAnalysis.Tone(400, 8000, 8000 * seconds, 8000);
        var random = new Random(7);
        var sender = peer.Serialize();
        var heard = new short[AudioFormat.SamplesPerFrame];
        var sent = 0;
        for (var i = 0; i < seconds * 50; i++)
        {
            var packet = new byte[RtpHeader.FixedLength + 160];
            codec.Encode(tone.AsSpan(i * 160, 160), packet.AsSpan(RtpHeader.FixedLength));
            new RtpHeader(false, 0, (ushort)i, (uint)(i * 160), 77).WriteTo(packet);
            time.NowMs += 10;
            if (random.NextDouble() >= lossRate)
            {
                session.OnRtpDatagram(packet, sender);
                sent++;
            }
            time.NowMs += 10;
            session.OnTick(time.NowMs);
            Assert.True(session.ReadFrameAsync(heard, CancellationToken.None).Result);
        }
        return (session, time, sent);
    }

    [Fact]
    public void Clean_call_reports_every_packet_received_no_loss_and_a_toll_quality_MOS()
    {
        var (session, _, sent) = RunCall(lossRate: 0, seconds: 10);

        var counters = session.ReadQuality()!.Value;
        var quality = MediaQualityAssessor.Assess(counters, Wall, final: true);

        Assert.Equal(("PCMU/8000", 500L, 500L), (counters.Codec, counters.ReceivedPackets, (long)sent));
        Assert.Equal((0L, 0.0), (quality.FromCaller.PacketsLost!.Value, quality.FromCaller.LossPercent!.Value));
        Assert.InRange(quality.FromCaller.Mos!.Value, 4.3, 4.45);
        Assert.True(quality.ToCaller.Packets >= 495, $"{quality.ToCaller.Packets} packets sent in 10 s");
        Assert.Null(quality.ToCaller.Mos); // no RTCP from the caller yet
    }

    [Fact]
    public void Lost_packets_are_counted_concealed_and_lower_the_MOS()
    {
        var (session, _, sent) = RunCall(lossRate: 0.05, seconds: 10);

        var quality = MediaQualityAssessor.Assess(session.ReadQuality()!.Value, Wall, final: true);

        var lost = 500 - sent;
        Assert.InRange(lost, 10, 45); // the seeded 5 %
        Assert.Equal(lost, quality.FromCaller.PacketsLost);
        Assert.Equal(Math.Round(100.0 * lost / 500, 1), quality.FromCaller.LossPercent);
        Assert.True(quality.FromCaller.ConcealedMs >= lost * 20 - 40, $"{quality.FromCaller.ConcealedMs} ms concealed for {lost} lost packets");
        Assert.InRange(quality.FromCaller.Mos!.Value, 3.0, 4.1);
    }

    [Fact]
    public void Callers_receiver_report_on_our_stream_gives_the_to_caller_loss_jitter_and_round_trip()
    {
        var (session, time, _) = RunCall(lossRate: 0, seconds: 2);
        // The caller echoes our last SR as sent 300 ms ago (compact NTP) and held it 100 ms: the round trip is 200 ms.
        var ourSrAt = Ntp.Compact(time.GetUtcNow().AddMilliseconds(-300));
        var block = new RtcpReportBlock(session.Ssrc, 0, CumulativeLost: 4, ExtendedHighestSequence: 100, Jitter: 80, ourSrAt, DelaySinceLastSenderReport: 65536 / 10);
        var rr = new byte[64];
        var length = RtcpWriter.WriteReceiverReport(rr, 0xCA11E4, [block]);

        session.OnRtcpDatagram(rr.AsSpan(0, length));
        var quality = MediaQualityAssessor.Assess(session.ReadQuality()!.Value, Wall, final: false);

        Assert.Equal(4L, quality.ToCaller.PacketsLost);
        Assert.Equal(10.0, quality.ToCaller.JitterMs); // 80 units of an 8 kHz clock
        Assert.InRange(quality.RoundTripMs!.Value, 199, 201);
        Assert.NotNull(quality.ToCaller.Mos);
    }

    [Fact]
    public void Receiver_report_about_another_source_is_ignored()
    {
        var (session, _, _) = RunCall(lossRate: 0, seconds: 1);
        var rr = new byte[64];
        var length = RtcpWriter.WriteReceiverReport(rr, 0xCA11E4, [new RtcpReportBlock(session.Ssrc + 1, 0, 99, 100, 80, 0, 0)]);

        session.OnRtcpDatagram(rr.AsSpan(0, length));

        Assert.Null(session.ReadQuality()!.Value.Remote);
    }

    /// <summary>Media time and wall time from one counter, so the RTCP round trip is exact.</summary>
    private sealed class FakeClock : TimeProvider
    {
        public long NowMs { get; set; } = 1_000_000;

        public override long TimestampFrequency => 1000;

        public override long GetTimestamp() => NowMs;

        public override DateTimeOffset GetUtcNow() => Wall.AddMilliseconds(NowMs);
    }

    private static class Ntp
    {
        public static uint Compact(DateTimeOffset at)
        {
            var ms = at.ToUnixTimeMilliseconds();
            var seconds = (ulong)(ms / 1000 + 2_208_988_800L);
            var fraction = (ulong)(ms % 1000) * 0x1_0000_0000UL / 1000;
            return (uint)(((seconds << 32) | fraction) >> 16);
        }
    }
}
