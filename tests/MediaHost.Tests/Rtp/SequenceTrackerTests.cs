using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Rtp;

public class SequenceTrackerTests
{
    [Fact]
    public void Sequence_wrap_extends_to_the_next_cycle()
    {
        var tracker = new SequenceTracker();
        var extended = new List<long>();
        foreach (var seq in new ushort[] { 65534, 65535, 0, 1 })
        {
            Assert.True(tracker.TryUpdate(seq, out var e));
            extended.Add(e);
        }
        Assert.Equal([65534L, 65535, 65536, 65537], extended);
        Assert.Equal(4, tracker.Expected);
        Assert.Equal(0, tracker.Lost);
    }

    [Fact]
    public void Late_packet_from_before_the_wrap_gets_the_previous_cycle()
    {
        var tracker = new SequenceTracker();
        tracker.TryUpdate(65535, out _);
        tracker.TryUpdate(1, out _);
        Assert.True(tracker.TryUpdate(0, out var late));
        Assert.Equal(65536, late);
        Assert.True(tracker.TryUpdate(65535, out var duplicate));
        Assert.Equal(65535, duplicate);
    }

    [Fact]
    public void Gaps_count_as_lost()
    {
        var tracker = new SequenceTracker();
        foreach (var seq in new ushort[] { 10, 11, 14, 15 })
        {
            tracker.TryUpdate(seq, out _);
        }
        Assert.Equal(6, tracker.Expected);
        Assert.Equal(2, tracker.Lost);
    }

    [Fact]
    public void One_stray_jump_is_dropped_but_a_restart_of_two_in_sequence_is_followed()
    {
        var tracker = new SequenceTracker();
        tracker.TryUpdate(100, out _);
        tracker.TryUpdate(101, out _);
        Assert.False(tracker.TryUpdate(40000, out _));
        Assert.True(tracker.TryUpdate(102, out var e));
        Assert.Equal(102, e);

        Assert.False(tracker.TryUpdate(20000, out _));
        Assert.True(tracker.TryUpdate(20001, out var restarted));
        Assert.Equal(20001, restarted);
        Assert.Equal(1, tracker.Restarts);
    }

    [Fact]
    public void Jitter_is_zero_for_steady_arrival_and_tracks_a_steady_deviation()
    {
        var steady = new JitterEstimator();
        for (uint i = 0; i < 100; i++)
        {
            steady.Update(i * 160, 5000 + i * 160);
        }
        Assert.Equal(0u, steady.Jitter);

        var wobbly = new JitterEstimator();
        for (uint i = 0; i < 500; i++)
        {
            wobbly.Update(i * 160, i * 160 + (i % 2 == 0 ? 0 : 80)); // transit alternates 0 and 80 (10 ms at 8 kHz)
        }
        Assert.InRange(wobbly.Jitter, 78u, 80u);
        Assert.InRange(wobbly.JitterMilliseconds(8000), 9.7, 10.0);
    }

    [Fact]
    public void Report_block_gives_the_fraction_lost_since_the_previous_report()
    {
        var stats = new ReceptionStatistics { RemoteSsrc = 5 };
        for (ushort seq = 0; seq < 100; seq++)
        {
            if (seq % 4 != 3) stats.Sequence.TryUpdate(seq, out _); // 25 % loss
        }
        var first = stats.CreateReportBlock(0, 1000);
        Assert.Equal(24 * 256 / 99, first.FractionLost); // seq 99 (lost) is not yet expected: 24 of 99 lost
        for (ushort seq = 100; seq < 200; seq++)
        {
            stats.Sequence.TryUpdate(seq, out _);
        }
        var second = stats.CreateReportBlock(0, 1000);
        Assert.Equal(1 * 256 / 101, second.FractionLost); // only seq 99 lost in this interval of 101
        Assert.Equal(first.CumulativeLost + 1, second.CumulativeLost);
    }
}
