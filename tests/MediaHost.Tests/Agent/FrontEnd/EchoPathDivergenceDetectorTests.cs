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

    [Fact]
    public void A_path_that_moved_under_a_working_filter_collapses_its_loss_within_a_few_frames()
    {
        var detector = Converged();

        // The filter removes nothing: its output is the whole echo.
        var collapsed = Enumerable.Range(0, 8).Select(_ => Step(detector, inputEnergy: 1e9, outputEnergy: 1e9)).ToArray();

        Assert.DoesNotContain(true, collapsed[..2]);
        Assert.True(collapsed[^1]);
    }

    [Fact]
    public void A_caller_12_dB_below_the_echo_never_collapses_the_loss()
    {
        var detector = Converged();

        // Echo 1e9 removed down to 1e7 as before, plus the caller at 1/16 of the echo's energy in input and output, and a
        // filter that misadapts in double talk: its residual doubles every 10 frames.
        var residual = 1e7;
        for (var i = 0; i < 100; i++)
        {
            residual *= Math.Pow(2, 0.1);
            Assert.False(Step(detector, inputEnergy: 1e9 + 6.25e7, outputEnergy: residual + 6.25e7), $"collapsed at frame {i} (loss {detector.LossDb:F1} dB)");
        }
        Assert.True(detector.LossDb < 1.5, "the misadapted filter should by now remove almost nothing");
    }

    [Fact]
    public void A_collapse_lasts_until_the_filter_works_again()
    {
        var detector = Converged();
        for (var i = 0; i < 8; i++)
        {
            detector.Update(echoExpected: true, inputEnergy: 1e9, outputEnergy: 1.2e9);
        }
        Assert.True(detector.Collapsed);

        for (var i = 0; i < 20; i++)
        {
            detector.Update(echoExpected: true, inputEnergy: 1e9, outputEnergy: 1e7);
        }

        Assert.False(detector.Collapsed);
    }

    private static bool Step(EchoPathDivergenceDetector detector, double inputEnergy, double outputEnergy)
    {
        detector.Update(echoExpected: true, inputEnergy, outputEnergy);
        return detector.Collapsed;
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
