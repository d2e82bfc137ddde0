using System.Buffers.Binary;

namespace VoiceFunctions.MediaHost.Rtp.Srtp;

/// <summary>
/// Unprotects what the peer sends (RFC 3711): estimates the packet index from the sequence number and rollover counter
/// (Appendix A), refuses replays (64-packet window) and packets whose tag does not verify, and only then decrypts in place.
/// Refused packets are counted, never returned for playing. Allocates nothing per packet. One per call direction. It keeps
/// the state of one remote SSRC: an authenticated packet of a new SSRC restarts the index and the replay window.
/// </summary>
public sealed class SrtpReceiver : IDisposable
{
    private readonly SrtpSuite _suite;
    private readonly SrtpTransform _rtp;
    private readonly SrtpTransform _rtcp;
    private uint? _ssrc;
    private uint _rollover;
    private int _highestSequence;
    private SrtpReplayWindow _rtpWindow;
    private SrtpReplayWindow _rtcpWindow;

    public SrtpReceiver(SrtpSuite suite, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt)
    {
        _suite = suite;
        _rtp = new SrtpTransform(masterKey, masterSalt, rtcp: false);
        _rtcp = new SrtpTransform(masterKey, masterSalt, rtcp: true);
    }

    public long AuthenticationFailures { get; private set; }

    public long Replays { get; private set; }

    public long Malformed { get; private set; }

    /// <summary>Unprotects an SRTP packet of <paramref name="length"/> bytes in place; <paramref name="plainLength"/> is the RTP length.</summary>
    public SrtpStatus UnprotectRtp(Span<byte> packet, int length, out int plainLength)
    {
        plainLength = 0;
        var tagLength = _suite.RtpTagLength;
        var header = length >= 12 + tagLength ? SrtpHeader.Length(packet, length - tagLength) : -1;
        if (header < 0)
        {
            Malformed++;
            return SrtpStatus.Malformed;
        }
        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        // A stream we have not seen starts at rollover 0 (RFC 3711 section 3.3.1); nothing changes before the tag verifies.
        var known = _ssrc == ssrc;
        var rollover = known ? EstimateRollover(sequence) : 0u;
        var index = ((long)rollover << 16) | sequence;
        if (known && !_rtpWindow.IsFresh(index))
        {
            Replays++;
            return SrtpStatus.Replayed;
        }
        var authenticated = length - tagLength;
        if (!_rtp.Verify(packet[..authenticated], rollover, packet.Slice(authenticated, tagLength)))
        {
            AuthenticationFailures++;
            return SrtpStatus.AuthenticationFailed;
        }
        if (!known)
        {
            _ssrc = ssrc;
            _rollover = 0;
            _highestSequence = sequence;
            _rtpWindow = default;
        }
        _rtpWindow.Accept(index);
        if (rollover == _rollover + 1 || (rollover == _rollover && sequence > _highestSequence))
        {
            _rollover = rollover;
            _highestSequence = sequence;
        }
        _rtp.Crypt(ssrc, index, packet[header..authenticated]);
        plainLength = authenticated;
        return SrtpStatus.Ok;
    }

    /// <summary>Unprotects an SRTCP packet in place; <paramref name="plainLength"/> is the RTCP length.</summary>
    public SrtpStatus UnprotectRtcp(Span<byte> packet, int length, out int plainLength)
    {
        plainLength = 0;
        const int trailer = 4 + SrtpSuite.RtcpTagLength;
        if (length < 8 + trailer)
        {
            Malformed++;
            return SrtpStatus.Malformed;
        }
        var authenticated = length - SrtpSuite.RtcpTagLength;
        var word = BinaryPrimitives.ReadUInt32BigEndian(packet[(authenticated - 4)..]);
        var index = word & 0x7FFF_FFFF;
        if (!_rtcpWindow.IsFresh(index))
        {
            Replays++;
            return SrtpStatus.Replayed;
        }
        if (!_rtcp.Verify(packet[..(authenticated - 4)], word, packet.Slice(authenticated, SrtpSuite.RtcpTagLength)))
        {
            AuthenticationFailures++;
            return SrtpStatus.AuthenticationFailed;
        }
        _rtcpWindow.Accept(index);
        plainLength = authenticated - 4;
        if ((word & 0x8000_0000) != 0)
        {
            _rtcp.Crypt(BinaryPrimitives.ReadUInt32BigEndian(packet[4..]), index, packet[8..plainLength]);
        }
        return SrtpStatus.Ok;
    }

    /// <summary>The rollover counter this sequence number most likely belongs to (RFC 3711 Appendix A).</summary>
    private uint EstimateRollover(int sequence)
    {
        if (_highestSequence < 0x8000)
        {
            return sequence - _highestSequence > 0x8000 && _rollover > 0 ? _rollover - 1 : _rollover;
        }
        return _highestSequence - 0x8000 > sequence ? _rollover + 1 : _rollover;
    }

    public void Dispose()
    {
        _rtp.Dispose();
        _rtcp.Dispose();
    }
}
