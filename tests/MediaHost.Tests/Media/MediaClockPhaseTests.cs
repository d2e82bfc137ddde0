using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Media;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>The media clock's phase groups: calls ticked at evenly spaced offsets of the 20 ms period.</summary>
public class MediaClockPhaseTests
{
    private sealed class Recorder(List<(int Target, long NowMs)> log, int id) : IMediaClockTarget
    {
        public List<long> Ticks { get; } = [];

        public void OnTick(long nowMs)
        {
            Ticks.Add(nowMs);
            log.Add((id, nowMs));
        }
    }

    [Fact]
    public void Four_phases_tick_a_quarter_of_the_calls_every_5_ms_and_each_call_exactly_every_20_ms()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time, threads: 1, phases: 4);
        var log = new List<(int Target, long NowMs)>();
        var targets = Enumerable.Range(0, 8).Select(i => new Recorder(log, i)).ToList();
        targets.ForEach(clock.Add);
        var startMs = (long)Math.Round(time.GetElapsedTime(0, time.GetTimestamp()).TotalMilliseconds);

        for (var ms = 0; ms < 1015; ms++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            var before = log.Count;
            clock.RunDueTicks();
            // A wake-up on a 5 ms boundary runs one group: two of the eight calls, never all of them.
            Assert.Equal((ms + 1) % 5 == 0 && ms + 1 >= 20 ? 2 : 0, log.Count - before);
        }

        Assert.All(targets, t => Assert.Equal(50, t.Ticks.Count)); // 50 frames each by 1 s + its group's offset: no drift
        Assert.All(targets, t => Assert.All(t.Ticks.Zip(t.Ticks.Skip(1)), pair => Assert.Equal(20, pair.Second - pair.First)));
        var offsets = targets.Select(t => t.Ticks[0] - startMs).Order().ToArray();
        Assert.Equal([20, 20, 25, 25, 30, 30, 35, 35], offsets); // tick 1 of group p is due at 20 + 5p ms
        Assert.Equal(50, clock.Ticks);
        Assert.Equal(0, clock.LateFrames);
    }

    [Fact]
    public void A_stall_is_caught_up_group_by_group_each_frame_with_its_own_due_time()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time, threads: 1, phases: 4);
        var log = new List<(int Target, long NowMs)>();
        var targets = Enumerable.Range(0, 4).Select(i => new Recorder(log, i)).ToList();
        targets.ForEach(clock.Add);
        var startMs = (long)Math.Round(time.GetElapsedTime(0, time.GetTimestamp()).TotalMilliseconds);

        time.Advance(TimeSpan.FromMilliseconds(200)); // one wake-up after a 200 ms stall
        clock.RunDueTicks();

        // Every call got its 10 (or 9, for groups whose 10th tick is not yet due) frames, in timeline order.
        Assert.Equal([10, 9, 9, 9], targets.Select(t => t.Ticks.Count));
        Assert.Equal(log.Select(e => e.NowMs).Order(), log.Select(e => e.NowMs));
        Assert.Equal(Enumerable.Range(1, 9).Select(n => startMs + 20L * n + 5), targets[1].Ticks);
        Assert.True(clock.LateFrames > 0);
        // Nine whole ticks ran, each with a group more than 10 ms late; a tick counts late once, not once per group.
        Assert.Equal(9, clock.Ticks);
        Assert.Equal(9, clock.LateTicks);
    }

    [Fact]
    public void A_stall_beyond_a_second_skips_whole_ticks_in_every_group()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time, threads: 1, phases: 4);
        var targets = Enumerable.Range(0, 4).Select(i => new Recorder([], i)).ToList();
        targets.ForEach(clock.Add);

        time.Advance(TimeSpan.FromSeconds(3));
        clock.RunDueTicks();

        Assert.All(targets, t => Assert.Equal(MediaClock.MaxCatchUpTicks, t.Ticks.Count));
        Assert.Equal(150 - MediaClock.MaxCatchUpTicks - 1, clock.SkippedTicks); // 149 due in group 0 … 147 in group 3
    }

    [Fact]
    public void Removing_a_call_takes_it_out_of_its_group_and_new_calls_fill_the_emptiest_group()
    {
        var time = new FakeTimeProvider();
        var clock = new MediaClock(time, threads: 1, phases: 4);
        var log = new List<(int Target, long NowMs)>();
        var targets = Enumerable.Range(0, 4).Select(i => new Recorder(log, i)).ToList();
        targets.ForEach(clock.Add);
        clock.Remove(targets[2]);
        var late = new Recorder(log, 9);
        clock.Add(late); // takes group 2's place

        time.Advance(TimeSpan.FromMilliseconds(40));
        clock.RunDueTicks();

        Assert.Empty(targets[2].Ticks);
        Assert.Equal(targets[2 - 1].Ticks.Select(t => t + 5), late.Ticks);
        Assert.Equal(4, clock.TargetCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void A_phase_count_outside_1_to_the_period_in_ms_is_refused(int phases) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MediaClock(new FakeTimeProvider(), phases: phases));
}
