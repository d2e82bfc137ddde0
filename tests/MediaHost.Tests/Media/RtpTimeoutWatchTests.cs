using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>The media timeout of one call: when the peer owes us RTP, and the reason the call ends with.</summary>
public sealed class RtpTimeoutWatchTests
{
    private static RtpTimeoutWatch Started(long atMs = 1_000)
    {
        var watch = new RtpTimeoutWatch(new RtpOptions { FirstPacketTimeoutSeconds = 5, MediaTimeoutSeconds = 10 });
        watch.Start(atMs);
        return watch;
    }

    [Fact]
    public void No_RTP_within_the_first_packet_timeout_times_the_call_out_once_with_that_reason()
    {
        var watch = Started();

        Assert.Null(watch.Check(5_999, MediaDirection.SendReceive));
        Assert.Equal("No RTP within 5 s of the answer.", watch.Check(6_000, MediaDirection.SendReceive));
        Assert.Null(watch.Check(7_000, MediaDirection.SendReceive)); // once: the call is already ending
    }

    [Fact]
    public void Once_RTP_flowed_only_a_gap_of_the_media_timeout_ends_the_call()
    {
        var watch = Started();
        watch.OnPacket(5_000);

        Assert.Null(watch.Check(14_999, MediaDirection.SendReceive));
        Assert.Equal("No RTP for 10 s.", watch.Check(15_000, MediaDirection.SendReceive));
    }

    [Theory]
    [InlineData(MediaDirection.SendOnly)]
    [InlineData(MediaDirection.Inactive)]
    public void On_hold_the_peer_owes_no_RTP_and_its_time_counts_from_the_end_of_the_hold(MediaDirection hold)
    {
        var watch = Started();
        watch.OnPacket(2_000);

        Assert.Null(watch.Check(60_000, hold));
        Assert.Null(watch.Check(69_999, MediaDirection.SendReceive));
        Assert.NotNull(watch.Check(70_000, MediaDirection.SendReceive));
    }

    [Fact]
    public void RTCP_keeps_a_flowing_call_alive_but_not_one_whose_RTP_never_came()
    {
        var flowing = Started();
        flowing.OnPacket(2_000);
        flowing.OnReport(11_000);
        var silent = Started();
        silent.OnReport(5_000);

        Assert.Null(flowing.Check(20_999, MediaDirection.SendReceive));
        Assert.NotNull(silent.Check(6_000, MediaDirection.SendReceive));
    }
}
