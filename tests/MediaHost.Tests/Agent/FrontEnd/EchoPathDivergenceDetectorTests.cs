using VoiceFunctions.MediaHost.Agent.FrontEnd;

namespace VoiceFunctions.MediaHost.Tests.Agent.FrontEnd;

/// <summary>A changed echo path is told from a caller talking over the agent by what the linear filter still removes.</summary>
public sealed class EchoPathDivergenceDetectorTests
{
    [Fact]
    public void A_filter_that_removes_nothing_for_200_ms_has_diverged()
    {
        var detector = Converged();

        var verdicts = Enumerable.Range(0, 25).Select(_ => detector.Update(echoExpected: true, inputEnergy: 1e9, outputEnergy: 1.2e9)).ToArray();

        Assert.DoesNotContain(true, verdicts[..10]); // the averages first move, then 10 frames in a row decide
        Assert.True(verdicts[^1]);
    }

    [Fact]
    public void A_caller_over_a_converged_filter_is_not_divergence()
    {
        var detector = Converged();

        // The caller as loud as the echo: the output is the caller, half the input.
        var verdicts = Enumerable.Range(0, 50).Select(_ => detector.Update(echoExpected: true, inputEnergy: 2e9, outputEnergy: 1e9)).ToArray();

        Assert.DoesNotContain(true, verdicts);
        Assert.InRange(detector.LossDb, 2.9, 3.1);
    }

    [Fact]
    public void A_restarted_filter_is_given_time_to_learn()
    {
        var detector = Converged();
        detector.Restart();

        var verdicts = Enumerable.Range(0, 20).Select(_ => detector.Update(echoExpected: true, inputEnergy: 1e9, outputEnergy: 1e9)).ToArray();

        Assert.DoesNotContain(true, verdicts);
    }

    private static EchoPathDivergenceDetector Converged()
    {
        var detector = new EchoPathDivergenceDetector();
        for (var i = 0; i < 50; i++)
        {
            detector.Update(echoExpected: true, inputEnergy: 1e9, outputEnergy: 1e7);
        }
        return detector;
    }
}
