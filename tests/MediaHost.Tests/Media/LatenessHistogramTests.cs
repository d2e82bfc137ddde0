using VoiceFunctions.MediaHost.Media;

namespace VoiceFunctions.MediaHost.Tests.Media;

public class LatenessHistogramTests
{
    [Fact]
    public void Percentiles_are_the_upper_edges_of_the_buckets_at_the_requested_rank()
    {
        var whole = new LatenessHistogram();
        var tenths = new LatenessHistogram(bucketsPerMillisecond: 10);
        foreach (var ms in new[] { 0.04, 0.5, 1.2, 3.0, 9.99, 25.0, 5000.0 })
        {
            whole.Record(ms);
            tenths.Record(ms);
        }

        Assert.Equal(1, whole.Percentile(25)); // 0.04 and 0.5: "under 1 ms"
        Assert.Equal(0.1, tenths.Percentile(10));
        Assert.Equal(4, whole.Percentile(50));
        Assert.Equal(LatenessHistogram.DefaultMaxMilliseconds + 1, whole.Percentile(100)); // 5 s shares the last bucket
        Assert.Equal(5000.0, whole.MaxMs);
        Assert.Equal(2, whole.CountAbove(10));
        Assert.Equal(7, whole.Count);
    }

    [Fact]
    public void Records_from_many_threads_at_once_are_all_counted_and_the_largest_is_kept()
    {
        var histogram = new LatenessHistogram(bucketsPerMillisecond: 10);
        const int perThread = 200_000;
        var threads = Enumerable.Range(0, 4).Select(t => new Thread(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                histogram.Record((i % 100) / 10.0 + t); // 0.0–9.9 ms, offset per thread
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(4 * perThread, histogram.Count);
        Assert.Equal(12.9, histogram.MaxMs, 6);
        Assert.Equal(perThread * 6 / 10, histogram.CountAbove(10)); // thread 1: 10 % of its records are 10.0–10.9 ms, thread 2: 20 %, thread 3: 30 %
    }

    [Fact]
    public void Reset_forgets_every_record()
    {
        var histogram = new LatenessHistogram();
        histogram.Record(12);
        histogram.Reset();

        Assert.Equal(0, histogram.Count);
        Assert.Equal(0, histogram.MaxMs);
        Assert.Equal(0, histogram.Percentile(99));
    }
}
