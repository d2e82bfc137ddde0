using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>
/// The host stalls (thread-pool starvation, a GC pause, JIT) while a call's audio flows in. This is what cost the
/// sipp interop test ~0.65 s of its 3 s stream after a full test run with no packet lost: the media clock's
/// ticks stopped, the ones beyond 200 ms were skipped (frames never produced), and the ticks it did catch up all
/// ran with the wall time, so the jitter buffer took the packets that had arrived meanwhile for excess delay and
/// dropped them. Packets here arrive on time (RTP is read on its own thread); only the clock stalls.
/// </summary>
public class HostStallTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(600)]
    [InlineData(950)]
    public async Task A_clock_stall_of_under_a_second_costs_no_audio(int stallMs)
    {
        var time = new ManualTimeProvider();
        var clock = new MediaClock(time);
        var codec = MediaCodec.Pcmu;
        var session = new RtpMediaSession("stall", new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20000)),
            new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20001)), [codec], new RtpOptions(), clock, time, new MediaMetrics(), _ => { });
        var peer = new IPEndPoint(IPAddress.Loopback, 30000);
        session.Start(new NegotiatedMedia(peer, codec, codec.PayloadType, 101, 20, MediaDirection.SendReceive));
        var sender = peer.Serialize();
        var tone = ToneAnalysis.Tone(1000, 8000, 160, 8000);
        var packet = new byte[RtpHeader.FixedLength + 160];
        MuLaw.Encode(tone, packet.AsSpan(RtpHeader.FixedLength));
        var heard = new short[AudioFormat.SamplesPerFrame];
        var loudFrames = 0;

        const int packets = 150; // 3 s of tone
        var stallStartMs = time.NowMs + 500;
        for (var i = 0; i < packets + 10; i++)
        {
            time.NowMs += 20;
            if (i < packets)
            {
                new RtpHeader(i == 0, 0, (ushort)(1000 + i), (uint)(i * 160), 42).WriteTo(packet);
                session.OnRtpDatagram(packet, sender);
            }
            // During the stall no tick runs; afterwards they are caught up at once. Each tick hands the loop one frame.
            var ticks = time.NowMs < stallStartMs || time.NowMs >= stallStartMs + stallMs ? clock.RunDueTicks() : 0;
            for (var t = 0; t < ticks; t++)
            {
                Assert.True(await session.ReadFrameAsync(heard, CancellationToken.None));
                loudFrames += ToneAnalysis.Rms(heard) > 2000 ? 1 : 0;
            }
        }

        var statistics = session.Inbound!.JitterBuffer.Statistics;
        Assert.Equal(0, clock.SkippedTicks);
        Assert.Equal(0, statistics.DroppedToReduceDelay);
        Assert.Equal(packets, statistics.Played);
        Assert.InRange(loudFrames, packets, packets + FadingRepeatConcealer.FadeFrames); // the end fades out after the last packet
        await session.StopAsync();
    }
}
