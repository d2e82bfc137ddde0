using VoiceFunctions.MediaHost.Quality;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>The call's media quality figures of <see cref="RtpMediaSession"/>: its counters, and the caller's RTCP reports on our stream.</summary>
public sealed partial class RtpMediaSession
{
    private RemoteReceptionReport? _remoteReport;

    /// <summary>The media's counters now (null before media started). Cheap, and meant for a report every few seconds, not per packet.</summary>
    public MediaQualityCounters? ReadQuality()
    {
        lock (_lock)
        {
            if (_in is null || _out is null || _media is null)
            {
                return null;
            }
            var jitterBuffer = _in.JitterBuffer.Statistics;
            return new MediaQualityCounters(
                $"{_media.Codec.Name}/{_media.Codec.ClockRate}",
                _in.PacketTimeMs,
                NowMs() - _startedAtMs,
                _in.Reception.Sequence.Received,
                _in.Reception.Sequence.Expected,
                jitterBuffer.JitterMs,
                jitterBuffer.Played,
                jitterBuffer.Lost,
                // Missing packets (each once, whether concealed at once or after the buffer ran dry) and delay stretches;
                // not the frames played while the caller's stream paused or stopped, which are no fault of the path.
                jitterBuffer.Lost + jitterBuffer.Stretched,
                jitterBuffer.TargetDelayMs,
                _out.PacketsSent,
                _remoteReport);
        }
    }

    // Keeps the newest report block about our SSRC (under _lock, from the RTCP receive path).
    private void NoteReportBlocks(ReadOnlySpan<RtcpReportBlock> blocks)
    {
        foreach (var block in blocks)
        {
            if (block.Ssrc != _ssrc || _out is null)
            {
                continue;
            }
            double? roundTrip = null;
            if (block.LastSenderReport != 0)
            {
                // RFC 3550 6.4.1: A - LSR - DLSR, all in the compact NTP unit of 1/65536 s.
                var arrival = (uint)(NtpNow() >> 16);
                var units = unchecked(arrival - block.LastSenderReport - block.DelaySinceLastSenderReport);
                roundTrip = units < 0x8000_0000u ? units * 1000.0 / 65536 : null; // a negative result means clocks disagree: unknown
            }
            _remoteReport = new RemoteReceptionReport(block.CumulativeLost, block.Jitter * 1000.0 / _out.ClockRate, roundTrip ?? _remoteReport?.RoundTripMs);
        }
    }
}
