using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using VoiceFunctions.MediaHost.Rtp.Srtp;

namespace VoiceFunctions.Benchmarks.Sip;

/// <summary>
/// SRTP cost per packet (AES_CM_128_HMAC_SHA1_80, RFC 3711): protecting one 20 ms PCMU packet (172 bytes) as we send
/// it, and protect + unprotect as one call's two directions do, so the per-call media budget with SRTP on can be read.
/// </summary>
[MemoryDiagnoser]
public class SrtpBenchmarks
{
    private readonly byte[] _packet = new byte[256];
    private readonly byte[] _protected = new byte[256];
    private SrtpSender _sender = null!;
    private SrtpReceiver _receiver = null!;
    private SrtpSender _replaySender = null!;
    private ushort _sequence;
    private int _protectedLength;

    [GlobalSetup]
    public void Setup()
    {
        var crypto = SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_80);
        _sender = crypto.CreateSender();
        _replaySender = crypto.CreateSender();
        _receiver = crypto.CreateReceiver();
        _packet[0] = 0x80;
        BinaryPrimitives.WriteUInt32BigEndian(_packet.AsSpan(8), 0x1234_5678);
        _packet.AsSpan(12, 160).Fill(0xD5);
    }

    [Benchmark]
    public int Protect()
    {
        BinaryPrimitives.WriteUInt16BigEndian(_packet.AsSpan(2), _sequence++);
        return _sender.ProtectRtp(_packet, 172);
    }

    [Benchmark]
    public int ProtectAndUnprotect()
    {
        BinaryPrimitives.WriteUInt16BigEndian(_protected.AsSpan(2), _sequence++);
        _protected[0] = 0x80;
        BinaryPrimitives.WriteUInt32BigEndian(_protected.AsSpan(8), 0x1234_5678);
        _protectedLength = _replaySender.ProtectRtp(_protected, 172);
        _receiver.UnprotectRtp(_protected, _protectedLength, out var plain);
        return plain;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.Dispose();
        _replaySender.Dispose();
        _receiver.Dispose();
    }
}
