using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Rtp;

public class JitterBufferTests
{
    /// <summary>Concealment fades out after 3 frames, so a longer run of concealed frames is an audible gap.</summary>
    private const int MaxConcealedFrames = 60 / JitterBufferSimulation.FrameMs;

    private static void AssertInOrderOnce(List<long> played)
    {
        for (var i = 1; i < played.Count; i++)
        {
            Assert.True(played[i] > played[i - 1], $"sequence {played[i]} played after {played[i - 1]}");
        }
    }

    [Fact]
    public void Clean_network_plays_every_packet_in_order_without_concealment()
    {
        var sim = new JitterBufferSimulation();
        sim.Run(JitterBufferSimulation.Send(500, _ => 30));
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), sim.PlayedSequences);
        Assert.Equal(0, sim.ConcealedWhilePlaying);
        Assert.Equal(JitterBufferOptions.DefaultMinDelayMs, sim.Buffer.Statistics.TargetDelayMs);
    }

    [Fact]
    public void Reordered_packets_are_put_back_in_order()
    {
        var sim = new JitterBufferSimulation();
        // Every pair swapped: odd packets arrive 25 ms early relative to their predecessor.
        sim.Run(JitterBufferSimulation.Send(500, seq => seq % 2 == 0 ? 40 : 15));
        var played = sim.PlayedSequences;
        AssertInOrderOnce(played);
        Assert.True(played.Count >= 495, $"{played.Count} of 500 played");
        Assert.True(sim.Buffer.Statistics.Late <= 5, $"{sim.Buffer.Statistics.Late} late");
    }

    [Fact]
    public void Duplicates_are_dropped_and_each_packet_plays_once()
    {
        var once = JitterBufferSimulation.Send(300, _ => 30);
        var twice = once.Concat(once.Select(a => a with { AtMs = a.AtMs + 5 }));
        var sim = new JitterBufferSimulation();
        sim.Run(twice);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), sim.PlayedSequences);
        Assert.Equal(300, sim.Buffer.Statistics.Duplicates);
    }

    [Theory]
    [InlineData(0.05, 11)]
    [InlineData(0.05, 12)]
    [InlineData(0.20, 13)]
    [InlineData(0.20, 14)]
    public void Random_loss_is_concealed_frame_for_frame_and_never_beyond_the_loss_itself(double lossRate, int seed)
    {
        var random = new Random(seed);
        var lost = Enumerable.Range(0, 1000).Select(_ => random.NextDouble() < lossRate).ToArray();
        var sim = new JitterBufferSimulation();
        sim.Run(JitterBufferSimulation.Send(1000, seq => lost[seq] ? null : 30));

        AssertInOrderOnce(sim.PlayedSequences);
        Assert.Equal(lost.Count(l => !l), sim.PlayedSequences.Count);
        var lostInside = lost.Skip(lost.ToList().IndexOf(false)).Reverse().SkipWhile(l => l).Count(l => l);
        Assert.Equal(lostInside, sim.ConcealedWhilePlaying);
        Assert.True(sim.LongestConcealedRun <= Math.Max(1, JitterBufferSimulation.LongestRun(lost)));
        if (lossRate <= 0.05)
        {
            Assert.True(sim.LongestConcealedRun <= MaxConcealedFrames, $"gap of {sim.LongestConcealedRun} frames");
        }
    }

    [Fact]
    public void Burst_loss_conceals_exactly_the_burst_then_plays_on()
    {
        var sim = new JitterBufferSimulation();
        sim.Run(JitterBufferSimulation.Send(200, seq => seq is >= 100 and < 105 ? null : 30));
        Assert.Equal(195, sim.PlayedSequences.Count);
        Assert.Equal(5, sim.ConcealedWhilePlaying);
        Assert.Equal(5, sim.Buffer.Statistics.Lost);
        Assert.Equal(5, sim.LongestConcealedRun);
    }

    [Fact]
    public void Jitter_spike_stretches_the_delay_then_it_comes_back_down()
    {
        var sim = new JitterBufferSimulation();
        // Packets 100..109 are held up to 200 ms (the network froze), arriving together with 110.
        sim.Run(JitterBufferSimulation.Send(400, seq => seq is >= 100 and < 110 ? 30 + (110 - seq) * 20 : 30));
        AssertInOrderOnce(sim.PlayedSequences);
        var stats = sim.Buffer.Statistics;
        Assert.True(stats.DroppedToReduceDelay > 0, "the surplus after the spike is dropped");
        Assert.True(sim.PlayedSequences.Count + stats.DroppedToReduceDelay + stats.Late + stats.Lost >= 400);
        // By the end the buffer is back near its target: the last packet plays within target + 2 frames of arriving.
        var lastTick = sim.Played.FindLastIndex(p => p.Kind == JitterBufferFrame.Packet);
        var playedAtMs = 7 + lastTick * JitterBufferSimulation.FrameMs;
        var arrivedAtMs = 399 * JitterBufferSimulation.FrameMs + 30;
        Assert.InRange(playedAtMs - arrivedAtMs, 0, stats.TargetDelayMs + 2 * JitterBufferSimulation.FrameMs);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Fifty_ms_jitter_with_5_percent_loss_has_no_gap_over_60_ms(int seed)
    {
        var random = new Random(seed);
        var sim = new JitterBufferSimulation();
        sim.Run(JitterBufferSimulation.Send(1500, _ => random.NextDouble() < 0.05 ? null : 20 + random.NextDouble() * 50));
        AssertInOrderOnce(sim.PlayedSequences);
        var stats = sim.Buffer.Statistics;
        Assert.True(sim.LongestConcealedRun <= MaxConcealedFrames,
            $"gap of {sim.LongestConcealedRun} frames; {string.Join(",", sim.Played.Select(p => p.Kind.ToString()[0]))}");
        Assert.InRange(stats.TargetDelayMs, 40, 120);
        Assert.True(stats.Late < 1500 * 0.03, $"{stats.Late} late");
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void The_playout_slip_places_every_packet_played_at_its_place_in_the_senders_timeline_whatever_the_depth_did(int seed)
    {
        // A network freeze (stretches the delay, then packets are skipped to shrink it), jitter, loss and a pause long
        // enough to run dry: through all of it, tick − slip − sequence must stay one number, or the echo canceller's
        // reference would be paired with the wrong part of the agent's audio.
        var random = new Random(seed);
        var sim = new JitterBufferSimulation();
        sim.Run(JitterBufferSimulation.Send(1500, seq => seq switch
        {
            >= 300 and < 310 => 30 + (310 - seq) * 20,
            >= 800 and < 812 => null,
            _ when random.NextDouble() < 0.05 => null,
            _ => 20 + random.NextDouble() * 50,
        }));
        var stats = sim.Buffer.Statistics;
        Assert.True(stats.Stretched > 0 && stats.DroppedToReduceDelay > 0 && stats.Underruns > 0, $"stretched {stats.Stretched}, dropped {stats.DroppedToReduceDelay}, underruns {stats.Underruns}");
        var offsets = sim.Played
            .Select((played, tick) => (played, tick))
            .Where(p => p.played.Kind == JitterBufferFrame.Packet)
            .Select(p => p.tick - sim.Slips[p.tick] - p.played.Sequence)
            .Distinct()
            .ToArray();
        Assert.Single(offsets);
    }

    [Fact]
    public void Target_delay_stays_within_the_configured_bounds()
    {
        var random = new Random(5);
        var options = new JitterBufferOptions { MinDelayMs = 40, MaxDelayMs = 80 };
        var sim = new JitterBufferSimulation(options);
        sim.Run(JitterBufferSimulation.Send(500, seq => seq < 250 ? 30 : 30 + random.NextDouble() * 400));
        Assert.Equal(80, sim.Buffer.Statistics.TargetDelayMs);
        Assert.True(sim.Buffer.Statistics.Late > 0, "packets later than the max delay are dropped as late");

        var quiet = new JitterBufferSimulation(options);
        quiet.Run(JitterBufferSimulation.Send(100, _ => 30));
        Assert.Equal(40, quiet.Buffer.Statistics.TargetDelayMs);
    }

    [Fact]
    public void Invalid_bounds_are_rejected_with_the_values()
    {
        var error = Assert.Throws<ArgumentException>(() => new JitterBuffer(20, 8000, new JitterBufferOptions { MinDelayMs = 300, MaxDelayMs = 200 }));
        Assert.Contains("300", error.Message);
    }
}
