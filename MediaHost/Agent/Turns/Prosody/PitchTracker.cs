namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The fundamental frequency of one 20 ms frame of 16 kHz speech, by normalised autocorrelation. The frame is halved
/// to 8 kHz (pairs averaged: a low-pass that keeps every voice's fundamental) and joined to the previous one, so a
/// 40 ms window holds two periods of the lowest voice tracked (70 Hz). Pure code over spans with fixed buffers: nothing
/// is allocated per frame, and a frame costs about 19 k multiply-adds (a few microseconds).
/// </summary>
public sealed class PitchTracker
{
    /// <summary>The lowest pitch tracked, in Hz: below the lowest adult male voices on a phone line.</summary>
    public const int MinHz = 70;

    /// <summary>The highest pitch tracked, in Hz: above most adult voices; children's speech can go higher.</summary>
    public const int MaxHz = 400;

    /// <summary>Correlation at the chosen lag at or above which the frame counts as voiced. 0.6 keeps breathy vowels
    /// and rejects fricatives and noise (their correlation stays below 0.4).</summary>
    public const float VoicedCorrelation = 0.6f;

    private const int Rate = 8_000;
    private const int HalfFrame = 160;
    private const int MinLag = Rate / MaxHz;          // 20 samples
    private const int MaxLag = Rate / MinHz + 1;      // 115 samples
    private const int Window = 2 * HalfFrame - MaxLag; // 205 samples compared at every lag
    private readonly float[] _history = new float[2 * HalfFrame];
    private readonly float[] _correlation = new float[MaxLag + 2];

    /// <summary>Forgets the audio heard so far (a new turn).</summary>
    public void Reset() => Array.Clear(_history);

    /// <summary>Adds one frame of 16 kHz samples (any length up to 320) and returns its pitch in Hz, or 0 when the frame
    /// is not voiced.</summary>
    public float Next(ReadOnlySpan<short> frame16k)
    {
        var pairs = Math.Min(frame16k.Length / 2, HalfFrame);
        Array.Copy(_history, pairs, _history, 0, _history.Length - pairs);
        var tail = _history.AsSpan(_history.Length - pairs);
        for (var i = 0; i < pairs; i++)
        {
            tail[i] = (frame16k[2 * i] + frame16k[(2 * i) + 1]) * 0.5f;
        }
        return Estimate();
    }

    private float Estimate()
    {
        var x = _history.AsSpan();
        var best = 0f;
        for (var lag = MinLag; lag <= MaxLag; lag++)
        {
            double product = 0, energyA = 0, energyB = 0;
            for (var i = 0; i < Window; i++)
            {
                var a = x[i];
                var b = x[i + lag];
                product += a * b;
                energyA += a * a;
                energyB += b * b;
            }
            var r = energyA <= 0 || energyB <= 0 ? 0f : (float)(product / Math.Sqrt(energyA * energyB));
            _correlation[lag] = r;
            best = Math.Max(best, r);
        }
        if (best < VoicedCorrelation)
        {
            return 0;
        }
        // The shortest lag whose peak comes near the best: a period's multiples correlate almost as well as the period,
        // and taking the longest of them would halve the pitch (an octave error).
        for (var lag = MinLag + 1; lag < MaxLag; lag++)
        {
            var r = _correlation[lag];
            if (r >= 0.9f * best && r >= _correlation[lag - 1] && r >= _correlation[lag + 1])
            {
                return Rate / Refine(lag);
            }
        }
        return 0;
    }

    /// <summary>The peak's lag to a fraction of a sample (a parabola through the peak and its neighbours).</summary>
    private float Refine(int lag)
    {
        var left = _correlation[lag - 1];
        var centre = _correlation[lag];
        var right = _correlation[lag + 1];
        var denominator = left - (2 * centre) + right;
        return denominator >= 0 ? lag : lag + (0.5f * (left - right) / denominator);
    }
}
