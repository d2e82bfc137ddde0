using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.TestSupport.LineSimulation;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// Runs a front-end over a simulated line and measures what it did: echo removed (ERLE), how soon it converged,
/// the caller's voice kept. Shared by the front-end tests (which assert on it) and the bench (which records it).
/// </summary>
public static class FrontEndScenario
{
    public const int FrameSamples = 320;
    public const int SamplesPerSecond = 16_000;

    /// <summary>Feeds <paramref name="received"/> through the front-end frame by frame with <paramref name="sent"/> as the
    /// far end; returns the cleaned signal and what each frame reported.</summary>
    public static (short[] Output, FrontEndFrame[] Frames) Run(IAudioFrontEnd frontEnd, short[] sent, short[] received)
    {
        var output = (short[])received.Clone();
        var frames = new FrontEndFrame[received.Length / FrameSamples];
        for (var f = 0; f < frames.Length; f++)
        {
            frames[f] = frontEnd.Process(sent.AsSpan(f * FrameSamples, FrameSamples), output.AsSpan(f * FrameSamples, FrameSamples));
        }
        return (output, frames);
    }

    /// <summary>ERLE in dB over [<paramref name="fromSecond"/>, <paramref name="toSecond"/>): the echo's energy before
    /// the front-end against what is left after it, counting only frames where the agent was talking.</summary>
    public static double ErleDb(short[] sent, short[] received, short[] output, double fromSecond, double toSecond, double farEndActiveDbfs = -55)
    {
        double before = 0, after = 0;
        var first = (int)(fromSecond * SamplesPerSecond / FrameSamples);
        var last = Math.Min((int)(toSecond * SamplesPerSecond / FrameSamples), output.Length / FrameSamples);
        for (var f = first; f < last; f++)
        {
            if (SignalLevels.Dbfs(sent.AsSpan(f * FrameSamples, FrameSamples)) < farEndActiveDbfs)
            {
                continue;
            }
            before += SignalLevels.Power(received.AsSpan(f * FrameSamples, FrameSamples));
            after += SignalLevels.Power(output.AsSpan(f * FrameSamples, FrameSamples));
        }
        return SignalLevels.RatioDb(before, after);
    }

    /// <summary>Seconds from <paramref name="fromSecond"/> until the ERLE over every following 500 ms window stays at or
    /// above <paramref name="targetDb"/>; null when it never does.</summary>
    public static double? SecondsToConverge(short[] sent, short[] received, short[] output, double fromSecond, double targetDb)
    {
        var end = (double)output.Length / SamplesPerSecond;
        double? converged = null;
        for (var t = fromSecond; t + 0.5 <= end; t += 0.1)
        {
            var erle = ErleDb(sent, received, output, t, t + 0.5);
            if (erle < targetDb)
            {
                converged = null;
            }
            else
            {
                converged ??= t - fromSecond;
            }
        }
        return converged;
    }

    /// <summary>Seconds from <paramref name="fromSecond"/> to the start of the first 500 ms window (0.1 s steps) whose
    /// ERLE reaches <paramref name="targetDb"/>; null when none does.</summary>
    public static double? SecondsToFirstReach(short[] sent, short[] received, short[] output, double fromSecond, double targetDb)
    {
        var end = (double)output.Length / SamplesPerSecond;
        for (var t = fromSecond; t + 0.5 <= end; t += 0.1)
        {
            if (ErleDb(sent, received, output, t, t + 0.5) >= targetDb)
            {
                return t - fromSecond;
            }
        }
        return null;
    }
}
