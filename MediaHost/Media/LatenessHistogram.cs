namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// Counts durations in whole-millisecond buckets (0 … <see cref="MaxMilliseconds"/>, the last bucket holding
/// everything longer) so that percentiles can be read without storing samples: recording allocates nothing,
/// which lets the media clock and the load run measure every frame.
/// </summary>
public sealed class LatenessHistogram
{
    public const int MaxMilliseconds = 1000;

    private readonly long[] _buckets = new long[MaxMilliseconds + 1];
    private readonly object _lock = new();

    public long Count { get; private set; }

    /// <summary>The largest value recorded, in ms.</summary>
    public double MaxMs { get; private set; }

    public void Record(double milliseconds)
    {
        var bucket = (int)Math.Clamp(milliseconds, 0, MaxMilliseconds);
        lock (_lock)
        {
            _buckets[bucket]++;
            Count++;
            MaxMs = Math.Max(MaxMs, milliseconds);
        }
    }

    /// <summary>Forgets everything recorded (a measurement window starts).</summary>
    public void Reset()
    {
        lock (_lock)
        {
            Array.Clear(_buckets);
            Count = 0;
            MaxMs = 0;
        }
    }

    /// <summary>The value (upper edge of its millisecond bucket) below which <paramref name="percent"/> % of the records fall.</summary>
    public int Percentile(double percent)
    {
        lock (_lock)
        {
            if (Count == 0)
            {
                return 0;
            }
            var rank = (long)Math.Ceiling(Count * percent / 100.0);
            long seen = 0;
            for (var i = 0; i < _buckets.Length; i++)
            {
                seen += _buckets[i];
                if (seen >= rank)
                {
                    return i + 1;
                }
            }
            return MaxMilliseconds;
        }
    }

    /// <summary>Records of at least <paramref name="milliseconds"/> (whole ms).</summary>
    public long CountAtLeast(int milliseconds)
    {
        lock (_lock)
        {
            long above = 0;
            for (var i = Math.Max(0, milliseconds); i < _buckets.Length; i++)
            {
                above += _buckets[i];
            }
            return above;
        }
    }
}
