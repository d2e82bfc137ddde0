using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Media;

namespace VoiceFunctions.MediaHost.Tests.Media;

public class MediaClockTests
{
    private sealed class Counter : IMediaClockTarget
    {
        public List<long> Ticks { get; } = [];

        public void OnTick(long nowMs) => Ticks.Add(nowMs);
    }

    [Fact]
    public void Irregular_wake_ups_run_exactly_one_tick_per_20_ms_of_elapsed_time()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time);
        var target = new Counter();
        clock.Add(target);
        var random = new Random(3);
        long elapsedMs = 0;
        // Wake-ups early, late and jittery (0-45 ms apart) for 60 s of media.
        while (elapsedMs < 60_000)
        {
            var step = random.Next(0, 46);
            time.Advance(TimeSpan.FromMilliseconds(step));
            elapsedMs += step;
            clock.RunDueTicks();
            Assert.Equal(elapsedMs / 20, clock.Ticks); // never ahead, never behind by a whole tick: no drift
        }
        Assert.Equal(clock.Ticks, target.Ticks.Count);
    }

    [Fact]
    public void Stall_of_up_to_a_second_is_caught_up_whole_and_each_tick_keeps_its_due_time()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time);
        var target = new Counter();
        clock.Add(target);
        var startMs = (long)time.GetElapsedTime(0).TotalMilliseconds;
        time.Advance(TimeSpan.FromMilliseconds(600)); // the host stalled: 30 ticks due at once
        Assert.Equal(30, clock.RunDueTicks());
        Assert.Equal(0, clock.SkippedTicks);
        Assert.Equal(Enumerable.Range(1, 30).Select(n => startMs + 20L * n), target.Ticks);
        Assert.Equal(29, clock.LateTicks); // the last one ran on time; the others 20-580 ms late
        Assert.Equal(580, clock.Lateness.MaxMs);
    }

    [Fact]
    public void Longer_stall_is_caught_up_only_partly_and_counted()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time);
        clock.Add(new Counter());
        time.Advance(TimeSpan.FromSeconds(2)); // 100 ticks due at once: the host was suspended
        Assert.Equal(MediaClock.MaxCatchUpTicks, clock.RunDueTicks());
        Assert.Equal(50, clock.SkippedTicks);
        Assert.Equal(100, clock.Ticks);
    }

    [Fact]
    public void Ticks_run_when_due_are_not_counted_late_and_a_wake_up_over_10_ms_late_is()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time);
        clock.Add(new Counter());
        for (var i = 0; i < 50; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(i % 2 == 0 ? 21 : 19)); // the timer wakes a millisecond either side of each tick's due time
            clock.RunDueTicks();
        }
        Assert.Equal((50, 0), (clock.Ticks, clock.LateTicks));

        time.Advance(TimeSpan.FromMilliseconds(45)); // ticks 51 and 52 at 1045 ms: the first fell due at 1020 ms (25 ms late), the second at 1040 ms
        clock.RunDueTicks();
        Assert.Equal((52, 1), (clock.Ticks, clock.LateTicks));
    }

    [Fact]
    public void Ticks_run_on_time_are_not_late()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time);
        clock.Add(new Counter());
        long elapsedMs = 0;
        for (var i = 0; i < 100; i++)
        {
            var wakeMs = (i + 1) * 20 + (i % 2) * 9; // 0 or 9 ms after the tick's due time
            time.Advance(TimeSpan.FromMilliseconds(wakeMs - elapsedMs));
            elapsedMs = wakeMs;
            clock.RunDueTicks();
        }
        Assert.Equal(0, clock.LateTicks);
        Assert.Equal(100, clock.Lateness.Count);
    }

    [Fact]
    public void Calls_are_shared_out_over_the_clock_threads_and_each_ticks_once_per_frame()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time, threads: 2);
        var targets = Enumerable.Range(0, 5).Select(_ => new Counter()).ToList();
        targets.ForEach(clock.Add);
        clock.Remove(targets[0]);
        time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(10, clock.RunDueTicks());
        Assert.Empty(targets[0].Ticks);
        Assert.All(targets.Skip(1), t => Assert.Equal(10, t.Ticks.Count));
        Assert.Equal(targets[1].Ticks, targets[2].Ticks); // both shards on one timeline
        Assert.Equal(4, clock.TargetCount);
    }

    [Fact]
    public void A_target_that_throws_does_not_stop_the_others()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time);
        var good = new Counter();
        clock.Add(new Throwing());
        clock.Add(good);
        time.Advance(TimeSpan.FromMilliseconds(100));
        clock.RunDueTicks();
        Assert.Equal(5, good.Ticks.Count);
        Assert.Equal(5, clock.FailedTicks);
    }

    [Fact]
    public async Task Timer_loop_ticks_on_the_injected_time_provider()
    {
        var time = new FakeTimeProvider();
        await using var clock = new MediaClock(time);
        var target = new Counter();
        clock.Add(target);
        clock.Start();
        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(20));
            await MediaTestPeer.Eventually(() => clock.Ticks >= i + 1, $"tick {i + 1}");
        }
        Assert.Equal(10, clock.Ticks);
    }

    private sealed class Throwing : IMediaClockTarget
    {
        public void OnTick(long nowMs) => throw new InvalidOperationException("bug");
    }

    [Fact]
    public async Task Stopping_the_clock_twice_is_harmless_as_the_host_stops_it_and_the_container_disposes_it()
    {
        var clock = new MediaClock(TimeProvider.System);
        clock.Start();
        await clock.DisposeAsync();
        await clock.DisposeAsync();
    }
}
