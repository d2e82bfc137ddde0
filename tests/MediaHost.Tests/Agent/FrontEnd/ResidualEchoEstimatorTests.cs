using VoiceFunctions.MediaHost.Agent.FrontEnd;

namespace VoiceFunctions.MediaHost.Tests.Agent.FrontEnd;

/// <summary>The residual echo the barge-in guard is told about: learnt per call on echo-only frames, never from the caller.</summary>
public sealed class ResidualEchoEstimatorTests
{
    private const double Echo = 1e9;        // predicted echo energy of a frame (about −30 dBFS)
    private const double Active = 1e6;
    private const double Converged = 20;    // the linear filter removes 20 dB
    private const double Coherent = 0.9;

    [Fact]
    public void Echo_only_frames_teach_it_what_the_canceller_removes()
    {
        var estimator = new ResidualEchoEstimator();
        var first = estimator.Update(Echo, Echo, Active, Converged, Coherent);
        for (var i = 0; i < 80; i++)
        {
            estimator.Update(Echo, Echo / 1000, Active, Converged, Coherent);
        }

        var expected = estimator.Update(Echo, Echo / 1000, Active, Converged, Coherent);

        Assert.InRange(estimator.LossDb, -31, -29);
        Assert.InRange(first - expected, 29, 31);
    }

    [Fact]
    public void A_caller_far_above_the_expected_residual_is_not_learnt()
    {
        var estimator = Learnt();

        for (var i = 0; i < 50; i++)
        {
            estimator.Update(Echo, Echo, Active, Converged, 0.2); // the caller, as loud as the echo before cancellation
        }

        Assert.InRange(estimator.LossDb, -31, -29);
    }

    [Fact]
    public void A_filter_that_removes_nothing_while_the_output_follows_the_agent_means_the_raw_echo_is_back()
    {
        var estimator = Learnt();
        var raw = estimator.Update(Echo, Echo, Active, Converged, Coherent) - estimator.LossDb;

        var lost = estimator.Update(Echo, Echo, Active, linearLossDb: 0.3, outputCoherence: Coherent);
        var loudCaller = estimator.Update(Echo, Echo, Active, linearLossDb: 0.3, outputCoherence: 0.2);

        Assert.InRange(lost, raw - 6.5, raw - 5.5);
        Assert.True(loudCaller < raw - 25, "a loud caller over a converged filter keeps the learnt residual");
    }

    [Fact]
    public void A_restarted_canceller_starts_from_nothing_removed_and_silence_expects_no_echo()
    {
        var estimator = Learnt();

        estimator.Restart();

        Assert.Equal(0, estimator.LossDb);
        for (var i = 0; i < 4; i++)
        {
            estimator.Update(0, 0, Active, Converged, Coherent);
        }
        Assert.Equal(ResidualEchoEstimator.NoEchoDbfs, estimator.Update(0, 0, Active, Converged, Coherent));
    }

    private static ResidualEchoEstimator Learnt()
    {
        var estimator = new ResidualEchoEstimator();
        for (var i = 0; i < 100; i++)
        {
            estimator.Update(Echo, Echo / 1000, Active, Converged, Coherent);
        }
        return estimator;
    }
}
