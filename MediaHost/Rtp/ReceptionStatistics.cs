namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>
/// What we know of one remote source, kept per call: sequence accounting, jitter and the last SR, turned
/// into an RTCP report block on demand (fraction lost since the previous report, RFC 3550 A.3).
/// </summary>
public sealed class ReceptionStatistics
{
    private long _expectedAtLastReport;
    private long _receivedAtLastReport;
    private uint _lastSenderReportNtp;
    private long _lastSenderReportArrival;

    public SequenceTracker Sequence { get; } = new();

    public JitterEstimator Jitter { get; } = new();

    public uint RemoteSsrc { get; set; }

    /// <summary>Notes an SR from the source (its compact NTP time and when it arrived, in ticks of <see cref="TimeProvider"/>).</summary>
    public void OnSenderReport(uint compactNtp, long arrivalTimestamp)
    {
        _lastSenderReportNtp = compactNtp;
        _lastSenderReportArrival = arrivalTimestamp;
    }

    /// <summary>Builds a report block now (<paramref name="now"/> and frequency from the same TimeProvider).</summary>
    public RtcpReportBlock CreateReportBlock(long now, long timestampFrequency)
    {
        var expected = Sequence.Expected;
        var received = Sequence.Received;
        var expectedInterval = expected - _expectedAtLastReport;
        var lostInterval = expectedInterval - (received - _receivedAtLastReport);
        _expectedAtLastReport = expected;
        _receivedAtLastReport = received;
        var fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);

        uint delay = 0;
        if (_lastSenderReportNtp != 0)
        {
            delay = (uint)((now - _lastSenderReportArrival) * 65536 / timestampFrequency);
        }
        return new RtcpReportBlock(
            RemoteSsrc,
            (byte)fraction,
            (int)Math.Clamp(Sequence.Lost, -0x800000, 0x7FFFFF),
            (uint)Sequence.HighestExtended,
            Jitter.Jitter,
            _lastSenderReportNtp,
            delay);
    }
}
