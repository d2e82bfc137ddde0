namespace VoiceFunctions.MediaHost.Tests;

/// <summary>Least-squares fit of one sine (any phase) to a signal: its amplitude and what is left over.</summary>
internal static class ToneAnalysis
{
    public readonly record struct ToneFit(double Amplitude, double ResidualRms)
    {
        /// <summary>Signal (the fitted tone) to everything else (noise, distortion, images, aliases), in dB.</summary>
        public double SnrDb => 20 * Math.Log10(Amplitude / Math.Sqrt(2) / Math.Max(ResidualRms, 1e-9));
    }

    public static ToneFit Fit(ReadOnlySpan<short> samples, double frequency, double sampleRate)
    {
        // Normal equations for x ≈ a·sin + b·cos + c.
        double ss = 0, cc = 0, sc = 0, s1 = 0, c1 = 0, xs = 0, xc = 0, x1 = 0;
        var n = samples.Length;
        for (var i = 0; i < n; i++)
        {
            var w = 2 * Math.PI * frequency * i / sampleRate;
            double s = Math.Sin(w), c = Math.Cos(w), x = samples[i];
            ss += s * s; cc += c * c; sc += s * c; s1 += s; c1 += c; xs += x * s; xc += x * c; x1 += x;
        }
        var m = new[,] { { ss, sc, s1 }, { sc, cc, c1 }, { s1, c1, n } };
        var v = new[] { xs, xc, x1 };
        var coef = Solve3(m, v);
        double residual = 0;
        for (var i = 0; i < n; i++)
        {
            var w = 2 * Math.PI * frequency * i / sampleRate;
            var e = samples[i] - (coef[0] * Math.Sin(w) + coef[1] * Math.Cos(w) + coef[2]);
            residual += e * e;
        }
        return new ToneFit(Math.Sqrt(coef[0] * coef[0] + coef[1] * coef[1]), Math.Sqrt(residual / n));
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }
        return samples.IsEmpty ? 0 : Math.Sqrt(sum / samples.Length);
    }

    public static short[] Tone(double frequency, double sampleRate, int count, double amplitude, double phase = 0)
    {
        var samples = new short[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate + phase));
        }
        return samples;
    }

    private static double[] Solve3(double[,] a, double[] b)
    {
        var n = 3;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            }
            for (var k = 0; k < n; k++) (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var r = col + 1; r < n; r++)
            {
                var f = a[r, col] / a[col, col];
                for (var k = col; k < n; k++) a[r, k] -= f * a[col, k];
                b[r] -= f * b[col];
            }
        }
        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = b[r];
            for (var k = r + 1; k < n; k++) sum -= a[r, k] * x[k];
            x[r] = sum / a[r, r];
        }
        return x;
    }
}
