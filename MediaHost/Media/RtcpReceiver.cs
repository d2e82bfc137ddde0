using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// The peer's RTCP on one call: SRTCP-verified when the call is encrypted, then each sender report's time is noted for
/// our reception block's LSR/DLSR, and each report block about our stream goes to the call's quality figures. A
/// report is a sign of life for the media timeout. Allocates nothing per report. Not thread-safe: the session calls
/// it under its lock.
/// </summary>
internal sealed class RtcpReceiver(NegotiatedStreams streams, RtpTimeoutWatch watch, MediaQualityReader quality, TimeProvider time)
{
    private const int MaxBlocks = 4;

    public void OnDatagram(ReadOnlySpan<byte> compound)
    {
        if (streams.Srtp is { } srtp && !srtp.TryUnprotectRtcp(compound, out compound))
        {
            return; // tampered, replayed or plain: counted by the SRTCP receiver
        }
        Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[MaxBlocks];
        while (RtcpPacket.TryReadNext(compound, out var packet, out var consumed))
        {
            if (packet.TryReadSenderReport(out _, out var info, blocks, out var count))
            {
                streams.In?.Reception.OnSenderReport(info.CompactNtp, time.GetTimestamp());
                quality.NoteReportBlocks(blocks[..count]);
            }
            else if (packet.TryReadReceiverReport(out _, blocks, out count))
            {
                quality.NoteReportBlocks(blocks[..count]);
            }
            compound = compound[consumed..];
        }
        watch.OnReport((long)time.GetElapsedTime(0).TotalMilliseconds);
    }
}
