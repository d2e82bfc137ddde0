using VoiceFunctions.Shared.Calls.Quality;

namespace VoiceFunctions.MediaHost.Quality;

/// <summary>
/// Turns a call's raw media counters into the quality it reports per direction. From the caller: loss counted by
/// sequence number; the MOS uses the loss the listener heard (packets missing at playout, lost or too late for the
/// jitter buffer) and a one-way delay of the jitter buffer's delay plus one packet plus half the round trip when
/// known. To the caller: our packets sent; loss, jitter and the round trip only from the caller's RTCP receiver
/// reports (none: those figures and the MOS are unknown), with the far end's buffer estimated as twice its jitter.
/// </summary>
public static class MediaQualityAssessor
{
    public static CallMediaQuality Assess(MediaQualityCounters c, DateTimeOffset measuredAt, bool final)
    {
        var rtt = c.Remote?.RoundTripMs;
        var networkDelay = rtt is { } r ? r / 2 : 0;
        return new CallMediaQuality
        {
            MeasuredAt = measuredAt,
            Final = final,
            Codec = c.Codec.Length > CallMediaQuality.MaxCodecLength ? c.Codec[..CallMediaQuality.MaxCodecLength] : c.Codec,
            MediaSeconds = Math.Round(c.MediaMilliseconds / 1000.0, 1),
            RoundTripMs = rtt is { } value ? Math.Round(value, 1) : null,
            FromCaller = FromCaller(c, networkDelay),
            ToCaller = ToCaller(c, networkDelay),
        };
    }

    private static MediaDirectionQuality FromCaller(MediaQualityCounters c, double networkDelayMs)
    {
        var lost = Math.Max(0, c.ExpectedPackets - c.ReceivedPackets);
        var playout = c.PlayedFrames + c.MissingFrames;
        double? heardLoss = playout > 0 ? 100.0 * c.MissingFrames / playout : c.ExpectedPackets > 0 ? Percent(lost, c.ExpectedPackets) : null;
        var rating = heardLoss is { } loss ? EModel.Rating(loss, c.JitterBufferDelayMs + c.PacketTimeMs + networkDelayMs) : (double?)null;
        return new MediaDirectionQuality
        {
            Packets = c.ReceivedPackets,
            PacketsLost = lost,
            LossPercent = c.ExpectedPackets > 0 ? Round(Percent(lost, c.ExpectedPackets)) : null,
            JitterMs = Round(c.InboundJitterMs),
            ConcealedMs = c.ConcealedFrames * c.PacketTimeMs,
            RFactor = rating is { } rf ? Round(rf) : null,
            Mos = rating is { } rm ? Math.Round(EModel.Mos(rm), 2) : null,
        };
    }

    private static MediaDirectionQuality ToCaller(MediaQualityCounters c, double networkDelayMs)
    {
        if (c.Remote is not { } remote)
        {
            return new MediaDirectionQuality { Packets = c.SentPackets };
        }
        var lost = Math.Max(0, remote.CumulativeLost);
        var loss = c.SentPackets > 0 ? Percent(lost, c.SentPackets) : 0;
        var rating = EModel.Rating(loss, 2 * remote.JitterMs + c.PacketTimeMs + networkDelayMs);
        return new MediaDirectionQuality
        {
            Packets = c.SentPackets,
            PacketsLost = lost,
            LossPercent = Round(loss),
            JitterMs = Round(remote.JitterMs),
            RFactor = Round(rating),
            Mos = Math.Round(EModel.Mos(rating), 2),
        };
    }

    private static double Percent(long part, long whole) => Math.Min(100, 100.0 * part / whole);

    private static double Round(double value) => Math.Round(value, 1);
}
