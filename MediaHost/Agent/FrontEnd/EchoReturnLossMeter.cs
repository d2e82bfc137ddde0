namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// Running echo return loss enhancement: the caller-side level before the front-end against the level after it,
/// both smoothed over ~200 ms, counted only while the agent's audio plays (the only time there is echo to remove).
/// Pure arithmetic, no allocation.
/// </summary>
internal sealed class EchoReturnLossMeter
{
    /// <summary>Per-frame smoothing weight: a 20 ms frame against a ~200 ms window.</summary>
    private const double Smoothing = 0.1;
    private const double MaxDb = 60;

    private double _before;
    private double _after;

    /// <summary>Takes the energies (sum of squares) of one frame before and after the front-end; returns the ERLE in dB
    /// (0 when the agent was quiet, as there was no echo).</summary>
    public float Update(bool farEndActive, double energyBefore, double energyAfter)
    {
        if (!farEndActive)
        {
            return 0f;
        }
        _before += Smoothing * (energyBefore - _before);
        _after += Smoothing * (energyAfter - _after);
        var db = 10 * Math.Log10((_before + 1) / (_after + 1));
        return (float)Math.Clamp(db, 0, MaxDb);
    }

    /// <summary>Sum of squares of a frame, in double (320 samples of 32767² would overflow an int).</summary>
    public static double Energy(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += s * s;
        }
        return sum;
    }
}
