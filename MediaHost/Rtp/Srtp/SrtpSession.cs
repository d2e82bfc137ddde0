using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Rtp.Srtp;

/// <summary>
/// Both directions of one call's SRTP, for the media path: protect in place before sending, unprotect a received
/// datagram into a scratch buffer (the receive loop's bytes are read-only) and hand back only what verified.
/// Used under the media session's lock; allocates nothing per packet.
/// </summary>
public sealed class SrtpSession : IDisposable
{
    private const int MaxDatagram = 1500;
    private readonly byte[] _rtpScratch = new byte[MaxDatagram];
    private readonly byte[] _rtcpScratch = new byte[MaxDatagram];
    private readonly SrtpSender _sender;
    private readonly SrtpReceiver _receiver;

    public SrtpSession(MediaEncryptionKeys keys)
    {
        var suite = SrtpSuite.Find(keys.Suite) ?? throw new NotSupportedException($"unsupported SRTP suite {keys.Suite}");
        Keys = keys;
        _sender = new SrtpSender(suite, keys.SendKey.Span, keys.SendSalt.Span);
        _receiver = new SrtpReceiver(suite, keys.ReceiveKey.Span, keys.ReceiveSalt.Span);
    }

    public MediaEncryptionKeys Keys { get; }

    /// <summary>Packets refused (tampered or under another key, replayed, malformed): counted, never played.</summary>
    public long Refused => _receiver.AuthenticationFailures + _receiver.Replays + _receiver.Malformed;

    /// <summary>SRTCP packets of the peer's that verified (replay-checked, then unprotected).</summary>
    public long RtcpAccepted => _receiver.RtcpAccepted;

    /// <summary>SRTCP packets refused (tampered, replayed, malformed); never read as reports.</summary>
    public long RtcpRefused => _receiver.RtcpRefused;

    public SrtpReceiver Receiver => _receiver;

    /// <summary>Protects the RTP packet at the start of <paramref name="buffer"/>; the new length, or 0 when it cannot be sent.</summary>
    public int ProtectRtp(Span<byte> buffer, int length) => Math.Max(0, _sender.ProtectRtp(buffer, length));

    public int ProtectRtcp(Span<byte> buffer, int length) => Math.Max(0, _sender.ProtectRtcp(buffer, length));

    /// <summary>The RTP packet inside <paramref name="datagram"/> when it verifies, else false (and the refusal is counted).</summary>
    public bool TryUnprotectRtp(ReadOnlySpan<byte> datagram, out ReadOnlySpan<byte> packet) =>
        TryUnprotect(datagram, _rtpScratch, rtcp: false, out packet);

    public bool TryUnprotectRtcp(ReadOnlySpan<byte> datagram, out ReadOnlySpan<byte> packet) =>
        TryUnprotect(datagram, _rtcpScratch, rtcp: true, out packet);

    private bool TryUnprotect(ReadOnlySpan<byte> datagram, byte[] scratch, bool rtcp, out ReadOnlySpan<byte> packet)
    {
        packet = default;
        if (datagram.Length > scratch.Length)
        {
            return false;
        }
        datagram.CopyTo(scratch);
        var status = rtcp
            ? _receiver.UnprotectRtcp(scratch, datagram.Length, out var length)
            : _receiver.UnprotectRtp(scratch, datagram.Length, out length);
        if (status != SrtpStatus.Ok)
        {
            return false;
        }
        if (rtcp)
        {
            _sender.RtcpTagLength = _receiver.PeerRtcpTagLength; // our reports in the tag layout the peer reads
        }
        packet = scratch.AsSpan(0, length);
        return true;
    }

    public void Dispose()
    {
        _sender.Dispose();
        _receiver.Dispose();
    }
}
