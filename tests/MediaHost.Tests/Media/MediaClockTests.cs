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
    public void Ticks_run_when_due_are_not_counted_late_and_a_wake_up_over_a_period_late_is()
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
    public void Long_stall_is_caught_up_only_partly_and_counted()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time);
        clock.Add(new Counter());
        time.Advance(TimeSpan.FromSeconds(1)); // 50 ticks due at once
        Assert.Equal(MediaClock.MaxCatchUpTicks, clock.RunDueTicks());
        Assert.Equal(40, clock.SkippedTicks);
        Assert.Equal(50, clock.Ticks);
        Assert.True(clock.LateTicks > 0);
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
