namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>
/// RFC 3550 §6.4.1 / A.8 interarrival jitter: the smoothed (gain 1/16) mean deviation of the difference in
/// transit time between consecutive packets, in RTP timestamp units.
/// </summary>
public sealed class JitterEstimator
{
    private bool _hasPrevious;
    private long _previousTransit;
    private double _jitter;

    /// <summary>The current estimate in timestamp units, as RTCP reports it.</summary>
    public uint Jitter => (uint)_jitter;

    /// <summary>The current estimate in milliseconds for a clock of <paramref name="clockRate"/>.</summary>
    public double JitterMilliseconds(int clockRate) => _jitter * 1000 / clockRate;

    /// <summary>
    /// Accounts for a packet with RTP timestamp <paramref name="rtpTimestamp"/> that arrived at
    /// <paramref name="arrival"/> (any monotonic clock, converted to the same timestamp units).
    /// </summary>
    public void Update(uint rtpTimestamp, long arrival)
    {
        // Transit = arrival - send time; the unknown clock offset cancels in the difference below.
        var transit = arrival - rtpTimestamp;
        if (_hasPrevious)
        {
            var d = Math.Abs(transit - _previousTransit);
            // Ignore differences beyond an hour of timestamp units: a timestamp jump, not jitter.
            if (d < int.MaxValue)
            {
                _jitter += (d - _jitter) / 16;
            }
        }
        _previousTransit = transit;
        _hasPrevious = true;
    }
}
