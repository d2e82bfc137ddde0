namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// Counts durations in fixed buckets (whole milliseconds by default, or finer) from 0 to a maximum, the last bucket
/// holding everything longer, so that percentiles can be read without storing samples: recording allocates nothing,
/// which lets the media clock, the media metrics and the load generator measure every frame or packet.
/// </summary>
public sealed class LatenessHistogram
{
    public const int DefaultMaxMilliseconds = 1000;

    private readonly long[] _buckets;
    private readonly int _bucketsPerMillisecond;
    private long _count;
    private double _maxMs;

    /// <param name="maxMilliseconds">The longest duration told apart; longer ones share the last bucket.</param>
    /// <param name="bucketsPerMillisecond">Resolution: 1 (whole ms) or more (10: 0.1 ms).</param>
    public LatenessHistogram(int maxMilliseconds = DefaultMaxMilliseconds, int bucketsPerMillisecond = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMilliseconds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketsPerMillisecond, 1);
        _bucketsPerMillisecond = bucketsPerMillisecond;
        _buckets = new long[maxMilliseconds * bucketsPerMillisecond + 1];
        MaxMilliseconds = maxMilliseconds;
    }

    public int MaxMilliseconds { get; }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>The largest value recorded, in ms.</summary>
    public double MaxMs => Volatile.Read(ref _maxMs);

    /// <summary>
    /// Lock-free: every media-clock thread and audio writer records into the same histogram once per call and frame,
    /// so a lock here would be taken tens of thousands of times a second across cores.
    /// </summary>
    public void Record(double milliseconds)
    {
        var bucket = (int)Math.Clamp(milliseconds * _bucketsPerMillisecond, 0, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
        var max = Volatile.Read(ref _maxMs);
        while (milliseconds > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxMs, milliseconds, max);
            if (seen == max)
            {
                break;
            }
            max = seen;
        }
    }

    /// <summary>Forgets everything recorded (a measurement window starts).</summary>
    public void Reset()
    {
        // Not atomic with records in flight: a window's first few records may land either side of a reset.
        Array.Clear(_buckets);
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _maxMs, 0);
    }

    /// <summary>
    /// The upper edge of the bucket at or below which <paramref name="percent"/> % of the records fall, in ms (with whole-ms
    /// buckets, 1 means "under 1 ms").
    /// </summary>
    public double Percentile(double percent)
    {
        // The rank comes from the buckets themselves, not Count: records may land while we read.
        long total = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            total += Volatile.Read(ref _buckets[i]);
        }
        if (total == 0)
        {
            return 0;
        }
        var rank = (long)Math.Ceiling(total * percent / 100.0);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Volatile.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return (i + 1) / (double)_bucketsPerMillisecond;
            }
        }
        return MaxMilliseconds;
    }

    /// <summary>Records longer than <paramref name="milliseconds"/> (to the bucket's resolution).</summary>
    public long CountAbove(double milliseconds)
    {
        long above = 0;
        for (var i = (int)Math.Max(0, Math.Ceiling(milliseconds * _bucketsPerMillisecond)); i < _buckets.Length; i++)
        {
            above += Volatile.Read(ref _buckets[i]);
        }
        return above;
    }
}
