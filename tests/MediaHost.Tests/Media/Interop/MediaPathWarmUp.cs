using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// Runs every codec's whole per-packet path (parse, jitter buffer, decode, resample, encode) for a second of fake
/// time, once per test process, before a real-time interop test starts its media clock. Without it the first
/// call of the run pays for compiling that path inside its first ticks: on the loaded 2-core machine that was
/// 50-75 skipped ticks (1-1.5 s of the caller's audio dropped), and the first test failed while the rest passed.
/// </summary>
internal static class MediaPathWarmUp
{
    private static readonly Lazy<bool> Done = new(Run);

    public static void EnsureDone() => _ = Done.Value;

    private static bool Run()
    {
        foreach (var codec in RtpMediaSessionFactory.DefaultCodecs.Where(c => !c.IsTelephoneEvent))
        {
            var time = new ManualTimeProvider();
            var session = new RtpMediaSession("warm-up", new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20000)),
                new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20001)), [codec, MediaCodec.TelephoneEvent], new RtpOptions(),
                new MediaClock(time), time, new MediaMetrics(), _ => { });
            var peer = new IPEndPoint(IPAddress.Loopback, 30000);
            session.Start(new NegotiatedMedia(peer, codec, codec.PayloadType, 101, 20, MediaDirection.SendReceive));
            AudioCodecs.TryCreate(codec.Name, out var peerCodec);
            var pcm = ToneAnalysis.Tone(1000, peerCodec.Info.SampleRate, peerCodec.Info.SamplesPerFrame(20), 8000);
            var frame = new short[AudioFormat.SamplesPerFrame];
            var packet = new byte[1500];
            var sender = peer.Serialize();
            for (var i = 0; i < 50; i++)
            {
                var n = peerCodec.Encode(pcm, packet.AsSpan(RtpHeader.FixedLength));
                new RtpHeader(i == 0, (byte)codec.PayloadType, (ushort)i, (uint)(i * peerCodec.Info.TimestampUnitsPerFrame(20)), 7).WriteTo(packet);
                session.OnRtpDatagram(packet.AsSpan(0, RtpHeader.FixedLength + n), sender);
                _ = session.WriteFrameAsync(frame, CancellationToken.None);
                time.NowMs += 20;
                session.OnTick(time.NowMs);
                _ = session.ReadFrameAsync(frame, CancellationToken.None);
            }
            session.StopAsync().GetAwaiter().GetResult();
        }
        return true;
    }
}
