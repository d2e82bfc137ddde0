using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// Our RTCP reports on one call (RFC 3550 section 6): every <see cref="RtpOptions.RtcpIntervalSeconds"/>, the first
/// after half an interval, a sender report once we have sent (else a receiver report) with a reception block about
/// the peer's stream once it has arrived, and our SDES; at the end, the same with a BYE. SRTCP on an encrypted call.
/// Allocates nothing per report. Not thread-safe: the session calls it under its lock.
/// </summary>
internal sealed class RtcpReporter
{
    private const int MaxDatagram = 1500;
    private const string CanonicalName = "mediahost";

    private readonly IDatagramSocket _socket;
    private readonly NegotiatedStreams _streams;
    private readonly RtpPeerAddress _peer;
    private readonly RtpTimeoutWatch _watch;
    private readonly long _intervalMs;
    private readonly TimeProvider _time;
    private readonly byte[] _packet = new byte[MaxDatagram];
    private readonly RtcpReportBlock[] _block = new RtcpReportBlock[1];
    private long _lastSentMs;

    public RtcpReporter(IDatagramSocket socket, NegotiatedStreams streams, RtpPeerAddress peer, RtpTimeoutWatch watch, RtpOptions options, TimeProvider time)
    {
        _socket = socket;
        _streams = streams;
        _peer = peer;
        _watch = watch;
        _intervalMs = options.RtcpIntervalSeconds * 1000L;
        _time = time;
    }

    /// <summary>RTCP compound packets sent (SRTCP when the call is encrypted).</summary>
    public long Sent { get; private set; }

    /// <summary>The media started: the first report goes after half an interval (RFC 3550 section 6.2).</summary>
    public void Start(long nowMs) => _lastSentMs = nowMs - _intervalMs / 2;

    public bool IsDue(long nowMs) => nowMs - _lastSentMs >= _intervalMs;

    /// <summary>Sends a report now (with a BYE when <paramref name="goodbye"/>); nothing while the peer's address is unknown.</summary>
    public void Send(long nowMs, bool goodbye)
    {
        _lastSentMs = nowMs;
        if (_peer.Endpoint is null || _streams.In is not { } inbound || _streams.Out is not { } outbound)
        {
            return;
        }
        var ssrc = _streams.Ssrc;
        var span = _packet.AsSpan();
        var blockCount = 0;
        if (_watch.HasReceived)
        {
            _block[0] = inbound.Reception.CreateReportBlock(_time.GetTimestamp(), _time.TimestampFrequency);
            blockCount = 1;
        }
        var length = outbound.PacketsSent > 0
            ? RtcpWriter.WriteSenderReport(span, ssrc, new RtcpSenderInfo(NtpTime.Now(_time), outbound.LastTimestamp, outbound.PacketsSent, outbound.OctetsSent), _block.AsSpan(0, blockCount))
            : RtcpWriter.WriteReceiverReport(span, ssrc, _block.AsSpan(0, blockCount));
        length += RtcpWriter.WriteSourceDescription(span[length..], ssrc, CanonicalName);
        if (goodbye)
        {
            length += RtcpWriter.WriteGoodbye(span[length..], ssrc);
        }
        if (_streams.Srtp is { } srtp)
        {
            length = srtp.ProtectRtcp(span, length);
        }
        if (length > 0)
        {
            _socket.SendTo(span[..length], _peer.Rtcp);
            Sent++;
        }
    }
}
