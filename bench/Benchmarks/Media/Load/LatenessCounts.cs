namespace VoiceFunctions.Benchmarks.Media.Load;

/// <summary>
/// Counts non-negative durations in 0.1 ms buckets up to <see cref="MaxMilliseconds"/> (the last bucket holds
/// everything longer; the exact maximum is kept apart), so the generator can record every packet without storing
/// samples or allocating. One thread records and reads.
/// </summary>
internal sealed class LatenessCounts
{
    public const int MaxMilliseconds = 2000;
    private const int BucketsPerMs = 10;

    private readonly long[] _buckets = new long[MaxMilliseconds * BucketsPerMs + 1];

    public long Count { get; private set; }

    public double MaxMs { get; private set; }

    public void Record(double milliseconds)
    {
        var bucket = (int)Math.Clamp(milliseconds * BucketsPerMs, 0, _buckets.Length - 1);
        _buckets[bucket]++;
        Count++;
        MaxMs = Math.Max(MaxMs, milliseconds);
    }

    public void Reset()
    {
        Array.Clear(_buckets);
        Count = 0;
        MaxMs = 0;
    }

    /// <summary>The upper edge of the bucket at or below which <paramref name="percent"/> % of the records fall, in ms.</summary>
    public double Percentile(double percent)
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
                return Math.Min((i + 1) / (double)BucketsPerMs, MaxMs);
            }
        }
        return MaxMs;
    }

    /// <summary>Records longer than <paramref name="milliseconds"/> (to the bucket's 0.1 ms).</summary>
    public long CountAbove(double milliseconds)
    {
        long above = 0;
        for (var i = (int)Math.Ceiling(milliseconds * BucketsPerMs); i < _buckets.Length; i++)
        {
            above += _buckets[i];
        }
        return above;
    }
}
