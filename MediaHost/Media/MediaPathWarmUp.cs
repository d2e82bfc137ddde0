using System.Net;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// Runs every codec's whole per-packet path (parse, jitter buffer, decode, resample, encode) for a second of
/// simulated time before the service takes calls. Without it the first call after a start pays for compiling that
/// path inside its first media ticks: on a loaded 2-core machine that cost 50-75 late ticks (1-1.5 s of the
/// caller's audio). Nothing touches the network: the sockets discard and the clock only moves when told.
/// </summary>
public static class MediaPathWarmUp
{
    private const int Packets = 50;

    public static void Run()
    {
        foreach (var codec in RtpMediaSessionFactory.DefaultCodecs.Where(c => !c.IsAuxiliary))
        {
            WarmUp(codec);
        }
    }

    private static void WarmUp(MediaCodec codec)
    {
        var time = new SteppedTimeProvider();
        var local = new IPEndPoint(IPAddress.Loopback, 1);
        var session = new RtpMediaSession("warm-up", new DiscardingDatagramSocket(local), new DiscardingDatagramSocket(local),
            [codec, MediaCodec.TelephoneEvent], new RtpOptions(), new MediaClock(time), time, new MediaMetrics(), _ => { });
        var peer = new IPEndPoint(IPAddress.Loopback, 2);
        session.Start(new NegotiatedMedia(peer, codec, codec.PayloadType, MediaCodec.TelephoneEvent.PayloadType, 20, MediaDirection.SendReceive));
        if (!AudioCodecs.TryCreate(codec.Name, out var peerCodec))
        {
            return;
        }

        var pcm = Tone(peerCodec.Info.SampleRate, peerCodec.Info.SamplesPerFrame(20));
        var frame = new short[AudioFormat.SamplesPerFrame];
        var packet = new byte[1500];
        var sender = peer.Serialize();
        for (var i = 0; i < Packets; i++)
        {
            var length = peerCodec.Encode(pcm, packet.AsSpan(RtpHeader.FixedLength));
            new RtpHeader(i == 0, (byte)codec.PayloadType, (ushort)i, (uint)(i * peerCodec.Info.TimestampUnitsPerFrame(20)), 7).WriteTo(packet);
            session.OnRtpDatagram(packet.AsSpan(0, RtpHeader.FixedLength + length), sender);
            _ = session.WriteFrameAsync(frame, CancellationToken.None);
            time.NowMs += 20;
            session.OnTick(time.NowMs);
            _ = session.ReadFrameAsync(frame, CancellationToken.None);
        }

        session.StopAsync().GetAwaiter().GetResult();
    }

    private static short[] Tone(int sampleRate, int samples)
    {
        var pcm = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * i / sampleRate));
        }

        return pcm;
    }

    /// <summary>A clock that moves only when the warm-up steps it, in milliseconds.</summary>
    private sealed class SteppedTimeProvider : TimeProvider
    {
        public long NowMs { get; set; } = 1_000_000;

        public override long TimestampFrequency => 1000;

        public override long GetTimestamp() => NowMs;
    }
}
