using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Media;

[Collection(MeasurementCollection.Name)]
public class PerPacketAllocationTests
{
    /// <summary>
    /// Runs the whole per-packet path of one call — parse, sequence/jitter accounting, jitter buffer insert,
    /// take, decode, resample, hand the frame to the audio loop, take the agent's frame, resample, encode,
    /// build the RTP packet, send — and returns the bytes this thread allocated over <paramref name="packets"/>
    /// packets after a warm-up. With <paramref name="writerOutOfStep"/> the agent's frames come in pairs every other
    /// packet time, so packets also leave at a slot's deadline (silence) and as a slot opens (a frame queued ahead),
    /// not only from the writer's thread as it writes.
    /// </summary>
    private static long AllocatedOverPackets(MediaCodec codec, int packets, bool writerOutOfStep = false)
    {
        var time = new ManualTimeProvider();
        var clock = new MediaClock(time);
        var metrics = new MediaMetrics();
        var rtp = new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20000));
        var rtcp = new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20001));
        var session = new RtpMediaSession("alloc", rtp, rtcp, [codec], new RtpOptions(), clock, time, metrics, _ => { });
        var peer = new IPEndPoint(IPAddress.Loopback, 30000);
        session.Start(new NegotiatedMedia(peer, codec, codec.PayloadType, 101, 20, MediaDirection.SendReceive));

        Assert.True(AudioCodecs.TryCreate(codec.Name, out var peerCodec));
        var peerPcm = ToneAnalysis.Tone(1000, peerCodec.Info.SampleRate, peerCodec.Info.SamplesPerFrame(20), 8000);
        var agentFrame = ToneAnalysis.Tone(440, 16000, AudioFormat.SamplesPerFrame, 8000);
        var heard = new short[AudioFormat.SamplesPerFrame];
        var packet = new byte[1500];
        var sender = peer.Serialize();
        ushort seq = 0;
        uint ts = 0;

        void OnePacket()
        {
            var n = peerCodec.Encode(peerPcm, packet.AsSpan(RtpHeader.FixedLength));
            new RtpHeader(false, (byte)codec.PayloadType, seq++, ts, 42).WriteTo(packet);
            ts += (uint)peerCodec.Info.TimestampUnitsPerFrame(20);
            session.OnRtpDatagram(packet.AsSpan(0, RtpHeader.FixedLength + n), sender);
            var frames = !writerOutOfStep ? 1 : seq % 2 == 0 ? 2 : 0;
            for (var f = 0; f < frames; f++)
            {
                var write = session.WriteFrameAsync(agentFrame, CancellationToken.None);
                Assert.True(write.IsCompletedSuccessfully);
            }
            time.NowMs += 20;
            session.OnTick(time.NowMs);
            var read = session.ReadFrameAsync(heard, CancellationToken.None);
            Assert.True(read.IsCompletedSuccessfully && read.Result);
        }

        for (var i = 0; i < 300; i++)
        {
            OnePacket(); // warm-up: JIT, first RTCP report, jitter buffer start
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < packets; i++)
        {
            OnePacket();
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(rtp.Sent >= packets, "packets were sent");
        Assert.Equal(writerOutOfStep, metrics.OutboundQueuedAhead.Count > packets / 3); // half the frames waited for their slot
        Assert.Equal(packets + 300, session.Inbound!.JitterBuffer.Statistics.Received);
        session.StopAsync().GetAwaiter().GetResult();
        return allocated;
    }

    [Theory]
    [InlineData("PCMU", false)]
    [InlineData("PCMA", false)]
    [InlineData("G722", false)]
    [InlineData("PCMU", true)]
    [InlineData("G722", true)]
    public void Receive_decode_jitter_encode_send_path_allocates_nothing_per_packet(string codecName, bool writerOutOfStep)
    {
        var codec = new[] { MediaCodec.Pcmu, MediaCodec.Pcma, MediaCodec.G722 }.Single(c => c.Name == codecName);
        var allocated = AllocatedOverPackets(codec, 1000, writerOutOfStep);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Opus_path_allocates_only_inside_concentus()
    {
        // Concentus (the managed Opus port) allocates inside its encoder and decoder on every frame; our part of the
        // path does not. This bounds the total so a regression on our side (or in a Concentus update) shows up.
        var allocated = AllocatedOverPackets(MediaCodec.Opus, 200);
        Assert.True(allocated / 200 < 300_000, $"{allocated / 200} bytes per packet");
    }
}

