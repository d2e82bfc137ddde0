using VoiceFunctions.MediaHost.Agent.FrontEnd;

namespace VoiceFunctions.MediaHost.Tests.Agent.FrontEnd;

/// <summary>The residual echo the barge-in guard is told about: learnt per call on echo-only frames, never from the caller.</summary>
public sealed class ResidualEchoEstimatorTests
{
    private const double Echo = 1e9;        // predicted echo energy of a frame (about −30 dBFS)
    private const double Active = 1e6;

    [Fact]
    public void Echo_only_frames_teach_it_what_the_canceller_removes()
    {
        var estimator = new ResidualEchoEstimator();
        var first = estimator.Update(Echo, Echo, Active);
        for (var i = 0; i < 200; i++)
        {
            estimator.Update(Echo, Echo / 1000, Active);
        }

        var expected = estimator.Update(Echo, Echo / 1000, Active);

        Assert.InRange(estimator.LossDb, -31, -29);
        Assert.InRange(first - expected, 29, 31);
    }

    [Fact]
    public void A_caller_far_above_the_expected_residual_is_not_learnt()
    {
        var estimator = Learnt();

        for (var i = 0; i < 50; i++)
        {
            estimator.Update(Echo, Echo, Active); // the caller, as loud as the echo before cancellation
        }

        Assert.InRange(estimator.LossDb, -31, -29);
    }

    [Fact]
    public void A_restarted_canceller_starts_from_nothing_removed_and_silence_expects_no_echo()
    {
        var estimator = Learnt();

        estimator.Restart();

        Assert.Equal(0, estimator.LossDb);
        for (var i = 0; i < 4; i++)
        {
            estimator.Update(0, 0, Active);
        }
        Assert.Equal(ResidualEchoEstimator.NoEchoDbfs, estimator.Update(0, 0, Active));
    }

    private static ResidualEchoEstimator Learnt()
    {
        var estimator = new ResidualEchoEstimator();
        for (var i = 0; i < 200; i++)
        {
            estimator.Update(Echo, Echo / 1000, Active);
        }
        return estimator;
    }
}
