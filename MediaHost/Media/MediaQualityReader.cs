using VoiceFunctions.MediaHost.Quality;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// One call's media quality figures: our own counters of the caller's stream (reception, jitter buffer) and of ours,
/// and the newest report the caller's RTCP gave about our stream (loss, jitter, round trip). Not thread-safe: the
/// session calls it under its lock.
/// </summary>
internal sealed class MediaQualityReader(NegotiatedStreams streams, RtpTimeoutWatch watch, TimeProvider time)
{
    private RemoteReceptionReport? _remote;

    /// <summary>The counters now (null before media started). Cheap, and meant for a report every few seconds, not per packet.</summary>
    public MediaQualityCounters? Read()
    {
        if (streams.In is not { } inbound || streams.Out is not { } outbound || streams.Media is not { } media)
        {
            return null;
        }
        var jitterBuffer = inbound.JitterBuffer.Statistics;
        return new MediaQualityCounters(
            $"{media.Codec.Name}/{media.Codec.ClockRate}",
            inbound.PacketTimeMs,
            (long)time.GetElapsedTime(0).TotalMilliseconds - watch.StartedAtMs,
            inbound.Reception.Sequence.Received,
            inbound.Reception.Sequence.Expected,
            jitterBuffer.JitterMs,
            jitterBuffer.Played,
            jitterBuffer.Lost,
            // Missing packets (each once, whether concealed at once or after the buffer ran dry) and delay stretches;
            // not the frames played while the caller's stream paused or stopped, which are no fault of the path.
            jitterBuffer.Lost + jitterBuffer.Stretched,
            jitterBuffer.TargetDelayMs,
            outbound.PacketsSent,
            _remote);
    }

    /// <summary>Keeps the newest report block about our SSRC (from the RTCP receive path).</summary>
    public void NoteReportBlocks(ReadOnlySpan<RtcpReportBlock> blocks)
    {
        foreach (var block in blocks)
        {
            if (block.Ssrc != streams.Ssrc || streams.Out is not { } outbound)
            {
                continue;
            }
            double? roundTrip = null;
            if (block.LastSenderReport != 0)
            {
                // RFC 3550 6.4.1: A - LSR - DLSR, all in the compact NTP unit of 1/65536 s.
                var arrival = (uint)(NtpTime.Now(time) >> 16);
                var units = unchecked(arrival - block.LastSenderReport - block.DelaySinceLastSenderReport);
                roundTrip = units < 0x8000_0000u ? units * 1000.0 / 65536 : null; // a negative result means clocks disagree: unknown
            }
            _remote = new RemoteReceptionReport(block.CumulativeLost, block.Jitter * 1000.0 / outbound.ClockRate, roundTrip ?? _remote?.RoundTripMs);
        }
    }
}
