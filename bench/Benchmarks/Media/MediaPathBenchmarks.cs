using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.Benchmarks.Media;

/// <summary>
/// One call's whole per-packet path (both directions): RTP parse → sequence/jitter accounting → jitter buffer →
/// decode → resample to 16 kHz → frame to the audio loop; agent frame → resample → encode → RTP → socket.
/// Sockets are replaced by a discarding one, so this is the CPU cost of our code alone.
/// </summary>
[MemoryDiagnoser]
public class MediaPathBenchmarks
{
    private sealed class ManualTime : TimeProvider
    {
        public long Now = 1_000_000;
        public override long TimestampFrequency => 1000;
        public override long GetTimestamp() => Now;
    }

    [Params("PCMU", "G722", "opus")]
    public string Codec { get; set; } = "PCMU";

    private readonly ManualTime _time = new();
    private RtpMediaSession _session = null!;
    private byte[] _packet = [];
    private int _packetLength;
    private readonly short[] _agent = new short[AudioFormat.SamplesPerFrame];
    private readonly short[] _heard = new short[AudioFormat.SamplesPerFrame];
    private SocketAddress _sender = null!;
    private ushort _sequence;
    private uint _timestamp;
    private int _timestampStep;
    private int _payloadType;

    [GlobalSetup]
    public void Setup()
    {
        var codec = new[] { MediaCodec.Pcmu, MediaCodec.G722, MediaCodec.Opus }.Single(c => c.Name == Codec);
        _payloadType = codec.PayloadType;
        var clock = new MediaClock(_time);
        _session = new RtpMediaSession("bench", new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20000)), new DiscardingDatagramSocket(new IPEndPoint(IPAddress.Loopback, 20001)),
            [codec], new RtpOptions(), clock, _time, new MediaMetrics(), _ => { });
        var peer = new IPEndPoint(IPAddress.Loopback, 30000);
        _sender = peer.Serialize();
        _session.Start(new NegotiatedMedia(peer, codec, codec.PayloadType, 101, 20, MediaDirection.SendReceive));
        AudioCodecs.TryCreate(codec.Name, out var peerCodec);
        var pcm = Enumerable.Range(0, peerCodec.Info.SamplesPerFrame(20)).Select(i => (short)(8000 * Math.Sin(i * 0.3))).ToArray();
        _packet = new byte[1500];
        _packetLength = RtpHeader.FixedLength + peerCodec.Encode(pcm, _packet.AsSpan(RtpHeader.FixedLength));
        _timestampStep = peerCodec.Info.TimestampUnitsPerFrame(20);
        for (var i = 0; i < AudioFormat.SamplesPerFrame; i++)
        {
            _agent[i] = (short)(6000 * Math.Sin(i * 0.17));
        }
    }

    [Benchmark]
    public bool OnePacketEachWay()
    {
        new RtpHeader(false, (byte)_payloadType, _sequence++, _timestamp, 42).WriteTo(_packet);
        _timestamp += (uint)_timestampStep;
        _session.OnRtpDatagram(_packet.AsSpan(0, _packetLength), _sender);
        _ = _session.WriteFrameAsync(_agent, CancellationToken.None);
        _time.Now += 20;
        _session.OnTick(_time.Now);
        return _session.ReadFrameAsync(_heard, CancellationToken.None).Result;
    }
}
