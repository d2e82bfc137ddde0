using System.Buffers.Binary;

namespace VoiceFunctions.MediaHost.Rtp.Srtp;

/// <summary>
/// Protects what we send (RFC 3711): RTP payloads encrypted and tagged with the rollover counter folded in, RTCP
/// encrypted after its first 8 bytes with the E flag, an SRTCP index and the 80-bit tag. Packets are protected in place:
/// the buffer must have room for the tag (and the SRTCP index). Allocates nothing per packet. One per call direction.
/// </summary>
public sealed class SrtpSender : IDisposable
{
    private readonly SrtpSuite _suite;
    private readonly SrtpTransform _rtp;
    private readonly SrtpTransform _rtcp;
    private uint _rollover;
    private int _lastSequence = -1;
    private uint _rtcpIndex;

    public SrtpSender(SrtpSuite suite, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt)
    {
        _suite = suite;
        _rtp = new SrtpTransform(masterKey, masterSalt, rtcp: false);
        _rtcp = new SrtpTransform(masterKey, masterSalt, rtcp: true);
    }

    /// <summary>The bytes protection adds to an RTP packet (its tag).</summary>
    public int RtpOverhead => _suite.RtpTagLength;

    /// <summary>
    /// The SRTCP tag we write: 10 bytes (RFC 3711 section 3.4 and RFC 4568 for both suites) unless the peer was seen
    /// using the RTP tag length for SRTCP (see <see cref="SrtpReceiver.PeerRtcpTagLength"/>), which we then mirror.
    /// </summary>
    public int RtcpTagLength { get; set; } = SrtpSuite.RtcpTagLength;

    /// <summary>The bytes protection adds to an RTCP packet (E flag with index, and tag).</summary>
    public int RtcpOverhead => 4 + RtcpTagLength;

    /// <summary>Protects the RTP packet in the first <paramref name="length"/> bytes; returns the SRTP length, or -1 when it is not RTP.</summary>
    public int ProtectRtp(Span<byte> packet, int length)
    {
        var header = SrtpHeader.Length(packet, length);
        if (header < 0 || packet.Length < length + _suite.RtpTagLength)
        {
            return -1;
        }
        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        // Our own sequence numbers only go forward: a wrap to a lower number is the next rollover (RFC 3711 section 3.3.1).
        if (_lastSequence >= 0 && sequence < _lastSequence && _lastSequence - sequence > 0x8000)
        {
            _rollover++;
        }
        _lastSequence = sequence;
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        _rtp.Crypt(ssrc, ((long)_rollover << 16) | sequence, packet[header..length]);
        _rtp.Tag(packet[..length], _rollover, packet.Slice(length, _suite.RtpTagLength));
        return length + _suite.RtpTagLength;
    }

    /// <summary>Protects the RTCP compound packet in the first <paramref name="length"/> bytes; returns the SRTCP length, or -1.</summary>
    public int ProtectRtcp(Span<byte> packet, int length)
    {
        if (length < 8 || packet.Length < length + RtcpOverhead)
        {
            return -1;
        }
        var index = _rtcpIndex++ & 0x7FFF_FFFF;
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        _rtcp.Crypt(ssrc, index, packet[8..length]);
        BinaryPrimitives.WriteUInt32BigEndian(packet[length..], 0x8000_0000 | index);
        // The tag covers the packet, then the E flag with index (RFC 3711 section 3.4).
        _rtcp.Tag(packet[..length], 0x8000_0000 | index, packet.Slice(length + 4, RtcpTagLength));
        return length + RtcpOverhead;
    }

    public void Dispose()
    {
        _rtp.Dispose();
        _rtcp.Dispose();
    }
}
