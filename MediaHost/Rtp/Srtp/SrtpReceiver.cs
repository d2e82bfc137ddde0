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

    /// <summary>SRTCP packets that verified and were unprotected (the peer's reports reach our statistics).</summary>
    public long RtcpAccepted { get; private set; }

    /// <summary>SRTCP packets refused (tag, replay or malformed); also counted in the three totals above.</summary>
    public long RtcpRefused { get; private set; }

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

    /// <summary>
    /// The SRTCP tag length the peer uses: 10 bytes as RFC 3711 and RFC 4568 say for both suites, or 4 once a peer under
    /// AES_CM_128_HMAC_SHA1_32 was seen tagging its SRTCP with the RTP tag length (libre, hence baresip 1.0, does), so that
    /// its reports are read and ours can be written alike (<see cref="SrtpSender.RtcpTagLength"/>). Never shorter than the
    /// negotiated suite's own SRTP tag.
    /// </summary>
    public int PeerRtcpTagLength { get; private set; } = SrtpSuite.RtcpTagLength;

    /// <summary>Unprotects an SRTCP packet in place (E flag, index, replay check, tag); <paramref name="plainLength"/> is the RTCP length.</summary>
    public SrtpStatus UnprotectRtcp(Span<byte> packet, int length, out int plainLength)
    {
        plainLength = 0;
        var status = VerifyRtcp(packet, length, PeerRtcpTagLength, out var word);
        var other = PeerRtcpTagLength == SrtpSuite.RtcpTagLength ? _suite.RtpTagLength : SrtpSuite.RtcpTagLength;
        if (status != SrtpStatus.Ok && other != PeerRtcpTagLength && VerifyRtcp(packet, length, other, out var otherWord) == SrtpStatus.Ok)
        {
            PeerRtcpTagLength = other;
            word = otherWord;
            status = SrtpStatus.Ok;
        }
        if (status != SrtpStatus.Ok)
        {
            RtcpRefused++;
            if (status == SrtpStatus.Malformed)
            {
                Malformed++;
            }
            else if (status == SrtpStatus.Replayed)
            {
                Replays++;
            }
            else
            {
                AuthenticationFailures++;
            }
            return status;
        }
        var index = word & 0x7FFF_FFFF;
        _rtcpWindow.Accept(index);
        RtcpAccepted++;
        plainLength = length - PeerRtcpTagLength - 4;
        if ((word & 0x8000_0000) != 0)
        {
            _rtcp.Crypt(BinaryPrimitives.ReadUInt32BigEndian(packet[4..]), index, packet[8..plainLength]);
        }
        return SrtpStatus.Ok;
    }

    // Checks an SRTCP packet laid out with a tag of tagLength bytes; changes nothing. word: the E flag and SRTCP index.
    private SrtpStatus VerifyRtcp(Span<byte> packet, int length, int tagLength, out uint word)
    {
        word = 0;
        if (length < 8 + 4 + tagLength)
        {
            return SrtpStatus.Malformed;
        }
        var authenticated = length - tagLength;
        word = BinaryPrimitives.ReadUInt32BigEndian(packet[(authenticated - 4)..]);
        if (!_rtcpWindow.IsFresh(word & 0x7FFF_FFFF))
        {
            return SrtpStatus.Replayed;
        }
        return _rtcp.Verify(packet[..(authenticated - 4)], word, packet.Slice(authenticated, tagLength)) ? SrtpStatus.Ok : SrtpStatus.AuthenticationFailed;
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
