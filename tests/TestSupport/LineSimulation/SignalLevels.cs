namespace VoiceFunctions.TestSupport.LineSimulation;

/// <summary>Levels, mixing and comparison of 16-bit signals for the line simulator and the front-end tests.</summary>
public static class SignalLevels
{
    /// <summary>Mean energy per sample (mean square).</summary>
    public static double Power(ReadOnlySpan<short> signal)
    {
        double sum = 0;
        foreach (var s in signal)
        {
            sum += (double)s * s;
        }
        return signal.Length == 0 ? 0 : sum / signal.Length;
    }

    /// <summary>Level in dB relative to full scale (RMS).</summary>
    public static double Dbfs(ReadOnlySpan<short> signal) =>
        10 * Math.Log10((Power(signal) + 1e-9) / ((double)short.MaxValue * short.MaxValue));

    /// <summary>Ratio of two powers in dB.</summary>
    public static double RatioDb(double numerator, double denominator) => 10 * Math.Log10((numerator + 1e-9) / (denominator + 1e-9));

    /// <summary>A copy of <paramref name="signal"/> scaled so that its RMS is <paramref name="dbfs"/>.</summary>
    public static short[] ScaleTo(short[] signal, double dbfs)
    {
        var current = Dbfs(signal);
        return Scale(signal, Math.Pow(10, (dbfs - current) / 20));
    }

    /// <summary>A copy of <paramref name="noise"/> scaled to lie <paramref name="snrDb"/> below the active level of
    /// <paramref name="speech"/> (its loud half, so pauses do not flatter the SNR).</summary>
    public static short[] ScaleToSnr(short[] noise, short[] speech, double snrDb)
    {
        var target = ActiveLevelDbfs(speech) - snrDb;
        return ScaleTo(noise, target);
    }

    /// <summary>The level of the frames that carry speech: 20 ms frames within 20 dB of the loudest.</summary>
    public static double ActiveLevelDbfs(short[] speech, int frameSamples = 320)
    {
        var levels = new List<double>();
        for (var offset = 0; offset + frameSamples <= speech.Length; offset += frameSamples)
        {
            levels.Add(Dbfs(speech.AsSpan(offset, frameSamples)));
        }
        var loudest = levels.Max();
        var active = levels.Where(l => l > loudest - 20).Select(l => Math.Pow(10, l / 10)).Average();
        return 10 * Math.Log10(active);
    }

    public static short[] Scale(short[] signal, double gain)
    {
        var scaled = new short[signal.Length];
        for (var i = 0; i < signal.Length; i++)
        {
            scaled[i] = (short)Math.Clamp(Math.Round(signal[i] * gain), short.MinValue, short.MaxValue);
        }
        return scaled;
    }

    /// <summary>Silence, then <paramref name="signal"/>, padded or cut to <paramref name="totalSamples"/>.</summary>
    public static short[] Place(short[] signal, int startSample, int totalSamples)
    {
        var placed = new short[totalSamples];
        signal.AsSpan(0, Math.Max(0, Math.Min(signal.Length, totalSamples - startSample))).CopyTo(placed.AsSpan(startSample));
        return placed;
    }

    /// <summary>Normalised cross-correlation at lag 0 (1 = same waveform up to gain).</summary>
    public static double Correlation(ReadOnlySpan<short> a, ReadOnlySpan<short> b)
    {
        double ab = 0, aa = 0, bb = 0;
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            ab += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }
        return ab / Math.Sqrt(aa * bb + 1e-9);
    }
}
