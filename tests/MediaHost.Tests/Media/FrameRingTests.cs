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
}
