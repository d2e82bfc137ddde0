using System.Threading.Channels;
using VoiceFunctions.MediaHost.Providers.Offline;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

/// <summary>Decoding runs on a bounded set of dedicated threads with a lower weight, never on the thread pool.</summary>
public sealed class DecodingThreadsTests
{
    [Fact]
    public async Task A_decode_loop_and_every_resumption_after_its_awaits_run_on_the_decoding_threads_not_the_thread_pool()
    {
        using var threads = new DecodingThreads(count: 1, nice: 4);
        var frames = Channel.CreateUnbounded<int>();
        var seenOn = new List<(string? Name, bool Pool)>();
        var loop = threads.Run(async () =>
        {
            await foreach (var _ in frames.Reader.ReadAllAsync().ConfigureAwait(true))
            {
                seenOn.Add((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
            }
        });
        for (var i = 0; i < 5; i++)
        {
            await Task.Run(() => frames.Writer.TryWrite(i)); // written from thread-pool threads, as the listener does
        }
        frames.Writer.TryComplete();
        await loop.DefaultTimeout();

        Assert.Equal(5, seenOn.Count);
        Assert.All(seenOn, s => Assert.Equal(("pocketsphinx decoding 0", false), s));
        Assert.Equal(1, threads.MaximumConcurrencyLevel);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(1, threads.Lowered); // a higher nice value is always allowed
        }
    }

    [Fact]
    public async Task At_most_the_configured_number_of_decode_loops_run_at_once()
    {
        using var threads = new DecodingThreads(count: 2, nice: 0);
        var running = 0;
        var peak = 0;
        var loops = Enumerable.Range(0, 8).Select(_ => threads.Run(async () =>
        {
            for (var step = 0; step < 20; step++)
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                Thread.SpinWait(20_000); // a frame's decoding: CPU work without a yield
                Interlocked.Decrement(ref running);
                await Task.Yield();
            }
        })).ToArray();
        await Task.WhenAll(loops).DefaultTimeout();

        Assert.InRange(peak, 1, 2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
