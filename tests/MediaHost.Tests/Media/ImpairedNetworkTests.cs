using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>
/// A whole call's receive path (RTP parse → jitter buffer → decode → concealment → 16 kHz frames) behind a seeded
/// impaired link: each packet is dropped with the given probability or delayed by a uniform random 0..J ms, which
/// also reorders them. Time is fake, so the result is the same on any machine.
/// </summary>
public class ImpairedNetworkTests
{
    private static (List<double> FrameRms, RtpMediaSession Session, bool Failed) RunCall(double lossRate, int jitterMs, int seed, int seconds, string codecName = "PCMU")
    {
        var codec = new[] { MediaCodec.Pcmu, MediaCodec.G722, MediaCodec.Opus }.Single(c => c.Name == codecName);
        var time = new ManualTimeProvider();
        var clock = new MediaClock(time);
        var session = new RtpMediaSession("impaired", new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20000)),
            new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20001)), [codec], new RtpOptions(), clock, time, new MediaMetrics(), _ => { });
        var failed = false;
        session.Failed += _ => failed = true;
        var peer = new IPEndPoint(IPAddress.Loopback, 30000);
        session.Start(new NegotiatedMedia(peer, codec, codec.PayloadType, 101, 20, MediaDirection.SendReceive));

        Assert.True(AudioCodecs.TryCreate(codecName, out var peerCodec));
        var rate = peerCodec.Info.SampleRate;
        var tone = ToneAnalysis.Tone(400, rate, rate * seconds, 8000);
        var random = new Random(seed);
        var inFlight = new List<(long DeliverAt, byte[] Packet)>();
        var sender = peer.Serialize();
        var start = time.NowMs;
        var frameRms = new List<double>();
        var heard = new short[AudioFormat.SamplesPerFrame];
        var frame = rate / 50;
        for (var i = 0; i < seconds * 50; i++)
        {
            var packet = new byte[1500];
            var n = peerCodec.Encode(tone.AsSpan(i * frame, frame), packet.AsSpan(RtpHeader.FixedLength));
            new RtpHeader(false, (byte)codec.PayloadType, (ushort)i, (uint)(i * peerCodec.Info.TimestampUnitsPerFrame(20)), 77).WriteTo(packet);
            if (random.NextDouble() >= lossRate)
            {
                inFlight.Add((start + i * 20 + random.Next(0, jitterMs + 1), packet[..(RtpHeader.FixedLength + n)]));
            }
            // 1 ms steps: deliver what is due, and run the media clock every 20 ms (phase 10 ms off the sender's).
            for (var ms = 0; ms < 20; ms++)
            {
                time.NowMs++;
                foreach (var due in inFlight.Where(p => p.DeliverAt <= time.NowMs).OrderBy(p => p.DeliverAt).ToList())
                {
                    session.OnRtpDatagram(due.Packet, sender);
                    inFlight.Remove(due);
                }
                if ((time.NowMs - start) % 20 == 10)
                {
                    session.OnTick(time.NowMs);
                    Assert.True(session.ReadFrameAsync(heard, CancellationToken.None).Result);
                    frameRms.Add(ToneAnalysis.Rms(heard));
                }
            }
        }
        return (frameRms, session, failed);
    }

    /// <summary>The longest run of frames that are (nearly) silent while the caller's tone never stops.</summary>
    private static int LongestSilentRun(List<double> frameRms, double toneRms)
    {
        int longest = 0, run = 0;
        foreach (var rms in frameRms.SkipWhile(r => r < toneRms * 0.5).Take(frameRms.Count - 20))
        {
            run = rms < toneRms * 0.1 ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void Five_percent_loss_and_50_ms_jitter_keep_the_call_with_no_gap_over_60_ms(int seed)
    {
        var (frames, session, failed) = RunCall(0.05, 50, seed, seconds: 30);
        Assert.False(failed, "the call must not drop");
        var toneRms = 8000 / Math.Sqrt(2);
        var gap = LongestSilentRun(frames, toneRms);
        var stats = session.Inbound!.JitterBuffer.Statistics;
        Assert.True(gap * 20 <= 60, $"an unconcealed gap of {gap * 20} ms; lost {stats.Lost}, late {stats.Late}, concealed {stats.Concealed}, target {stats.TargetDelayMs} ms");
        Assert.InRange(stats.TargetDelayMs, 40, 140);
        Assert.True(stats.Late < 30 * 50 * 0.03, $"{stats.Late} late packets");
    }

    [Fact]
    public void Opus_call_under_5_percent_loss_is_concealed_by_its_own_plc()
    {
        var (frames, session, failed) = RunCall(0.05, 20, 41, seconds: 10, codecName: "opus");
        Assert.False(failed);
        var gap = LongestSilentRun(frames, 8000 / Math.Sqrt(2));
        Assert.True(gap * 20 <= 60, $"gap of {gap * 20} ms");
        Assert.True(session.Inbound!.JitterBuffer.Statistics.Concealed > 0);
    }

    [Fact]
    public void Twenty_percent_loss_is_concealed_and_the_call_stays_up()
    {
        var (frames, session, failed) = RunCall(0.20, 30, 51, seconds: 20);
        Assert.False(failed);
        var stats = session.Inbound!.JitterBuffer.Statistics;
        Assert.InRange(stats.Lost, 20 * 50 * 0.15, 20 * 50 * 0.25);
        Assert.True(frames.Count(r => r > 1000) > frames.Count * 0.7, "most frames carry sound");
    }
}
