using System.Diagnostics;
using System.Reflection;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media;

public class FrameRingTests
{
    [Fact]
    public async Task Reader_waits_for_a_frame_and_gets_it_in_order()
    {
        var ring = new FrameRing(3, 4);
        var frame = new short[4];
        var read = ring.ReadAsync(frame, CancellationToken.None);
        Assert.False(read.IsCompleted);
        ring.WriteDroppingOldest([1, 2, 3, 4]);
        Assert.True(await read.AsTask().DefaultTimeout());
        Assert.Equal([1, 2, 3, 4], frame);
    }

    [Fact]
    public void Full_inbound_ring_drops_the_oldest_frame()
    {
        var ring = new FrameRing(2, 1);
        ring.WriteDroppingOldest([1]);
        ring.WriteDroppingOldest([2]);
        ring.WriteDroppingOldest([3]);
        Assert.Equal(1, ring.Dropped);
        var frame = new short[1];
        Assert.True(ring.TryRead(frame));
        Assert.Equal(2, frame[0]);
    }

    [Fact]
    public async Task Writer_waits_while_full_and_resumes_when_a_frame_is_taken()
    {
        var ring = new FrameRing(1, 1);
        await ring.WriteAsync(new short[] { 1 }, CancellationToken.None);
        var blocked = ring.WriteAsync(new short[] { 2 }, CancellationToken.None).AsTask();
        Assert.False(blocked.IsCompleted);
        Assert.True(ring.TryRead(new short[1]));
        await blocked.DefaultTimeout();
        Assert.Equal(1, ring.Count);
    }

    [Fact]
    public async Task Clear_drops_everything_for_barge_in_and_wakes_the_writer()
    {
        var ring = new FrameRing(2, 1);
        await ring.WriteAsync(new short[] { 1 }, CancellationToken.None);
        await ring.WriteAsync(new short[] { 2 }, CancellationToken.None);
        var blocked = ring.WriteAsync(new short[] { 3 }, CancellationToken.None).AsTask();
        Assert.Equal(2, ring.Clear());
        await blocked.DefaultTimeout();
        Assert.Equal(1, ring.Count);
    }

    [Fact]
    public async Task Completion_ends_readers_after_the_last_frame_and_fails_writers()
    {
        var ring = new FrameRing(2, 1);
        ring.WriteDroppingOldest([7]);
        ring.Complete();
        Assert.True(await ring.ReadAsync(new short[1], CancellationToken.None));
        Assert.False(await ring.ReadAsync(new short[1], CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ring.WriteAsync(new short[1], CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Cancelled_read_throws_and_the_ring_still_works()
    {
        var ring = new FrameRing(2, 1);
        using var cts = new CancellationTokenSource();
        var read = ring.ReadAsync(new short[1], cts.Token).AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.DefaultTimeout());
        ring.WriteDroppingOldest([5]);
        var frame = new short[1];
        Assert.True(await ring.ReadAsync(frame, CancellationToken.None).AsTask().DefaultTimeout());
        Assert.Equal(5, frame[0]);
    }

    // The audio loop waits on the ring once per 20 ms frame per call (1,000 calls: 50,000 waits a second); each
    // wait allocating its state machine meant steady garbage and collections that stop the media threads too.
    [SkippableFact]
    public async Task Reader_waiting_frame_after_frame_allocates_nothing_per_frame()
    {
        SkipUnlessOptimized();
        var ring = new FrameRing(3, 160);
        using var cts = new CancellationTokenSource();
        var frame = new short[160];
        var written = new short[160];
        long allocated = 0;
        for (var i = 0; i < 600; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var read = ring.ReadAsync(frame, cts.Token);
            Assert.False(read.IsCompleted);
            ring.WriteDroppingOldest(written);
            var after = GC.GetAllocatedBytesForCurrentThread();
            allocated += i >= 100 ? after - before : 0; // the first waits fill the state machine pool
            Assert.True(await read);
        }
        Assert.True(allocated < 500 * 8, $"{allocated} bytes over 500 waits");
    }

    [SkippableFact]
    public async Task Writer_waiting_slot_after_slot_allocates_nothing_per_frame()
    {
        SkipUnlessOptimized();
        var ring = new FrameRing(1, 160);
        using var cts = new CancellationTokenSource();
        var frame = new short[160];
        await ring.WriteAsync(frame, cts.Token);
        long allocated = 0;
        for (var i = 0; i < 600; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var write = ring.WriteAsync(frame, cts.Token);
            Assert.False(write.IsCompleted);
            Assert.True(ring.TryRead(frame));
            var after = GC.GetAllocatedBytesForCurrentThread();
            allocated += i >= 100 ? after - before : 0;
            await write;
        }
        Assert.True(allocated < 500 * 8, $"{allocated} bytes over 500 waits");
    }

    // A Debug build compiles every async method's state machine as a class, allocated at each call whatever its
    // builder; the test suite (./test.sh) builds Release, where the pooled builder is what is measured.
    private static void SkipUnlessOptimized() =>
        Skip.If(typeof(FrameRing).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true,
            "the MediaHost is a Debug build: its async state machines are classes");
}
