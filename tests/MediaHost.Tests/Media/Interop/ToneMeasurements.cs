namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>What a recorded tone looks like: how long it was loud, its dominant frequency, its level.</summary>
internal static class ToneMeasurements
{
    /// <summary>A tone as it was heard: loud time, where it started, its strongest frequency and RMS in its steady middle.</summary>
    public readonly record struct HeardTone(double LoudSeconds, double StartSeconds, double DominantHz, double SteadyRms)
    {
        public override string ToString() => $"loud {LoudSeconds:F2} s from {StartSeconds:F2} s, {DominantHz:F0} Hz, RMS {SteadyRms:F0}";
    }

    /// <summary>
    /// Measures <paramref name="samples"/> at <paramref name="rate"/> in 20 ms frames: a frame is loud above
    /// <paramref name="loudRms"/>; the dominant frequency and RMS come from the middle half of the loud stretch.
    /// </summary>
    public static HeardTone Measure(short[] samples, int rate, double loudRms)
    {
        var frame = rate / 50;
        var loud = new List<int>();
        for (var i = 0; i + frame <= samples.Length; i += frame)
        {
            if (ToneAnalysis.Rms(samples.AsSpan(i, frame)) > loudRms)
            {
                loud.Add(i / frame);
            }
        }
        if (loud.Count == 0)
        {
            return new HeardTone(0, -1, 0, 0);
        }
        var first = loud[0];
        var last = loud[^1];
        var quarter = (last - first + 1) / 4;
        var middle = samples.AsSpan((first + quarter) * frame, Math.Max(1, (last - first + 1 - 2 * quarter)) * frame);
        return new HeardTone(loud.Count * 0.02, first * 0.02, DominantFrequency(middle, rate), ToneAnalysis.Rms(middle));
    }

    /// <summary>The RMS of each 100 ms in thousands (one digit each, 9 = 9000 or more): a compact picture for failure messages.</summary>
    public static string Profile(short[] samples, int rate)
    {
        var step = rate / 10;
        var text = new System.Text.StringBuilder();
        for (var i = 0; i + step <= samples.Length; i += step)
        {
            text.Append((char)('0' + Math.Min(9, (int)(ToneAnalysis.Rms(samples.AsSpan(i, step)) / 1000))));
        }
        return text.ToString();
    }

    /// <summary>The frequency (1 Hz resolution, 100-4000 Hz) with the most power, by a coarse then a fine Goertzel scan.</summary>
    public static double DominantFrequency(ReadOnlySpan<short> samples, int rate)
    {
        var window = samples.Length > rate / 2 ? samples[..(rate / 2)] : samples;
        var best = Scan(window, rate, 100, Math.Min(4000, rate / 2 - 50), 10);
        return Scan(window, rate, best - 10, best + 10, 1);
    }

    /// <summary>
    /// The longest run of consecutive 20 ms frames quieter than <paramref name="silentRms"/> between the first loud
    /// frame (plus <paramref name="settleFrames"/>) and the last loud frame.
    /// </summary>
    public static int LongestQuietRunFrames(short[] samples, int rate, double loudRms, double silentRms, int settleFrames = 0)
    {
        var frame = rate / 50;
        var rms = new List<double>();
        for (var i = 0; i + frame <= samples.Length; i += frame)
        {
            rms.Add(ToneAnalysis.Rms(samples.AsSpan(i, frame)));
        }
        var first = rms.FindIndex(r => r > loudRms);
        var last = rms.FindLastIndex(r => r > loudRms);
        int longest = 0, run = 0;
        for (var i = Math.Max(first, 0) + settleFrames; i <= last; i++)
        {
            run = rms[i] < silentRms ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    private static double Scan(ReadOnlySpan<short> samples, int rate, double fromHz, double toHz, double stepHz)
    {
        double bestHz = fromHz, bestPower = -1;
        for (var f = fromHz; f <= toHz; f += stepHz)
        {
            var coefficient = 2 * Math.Cos(2 * Math.PI * f / rate);
            double s1 = 0, s2 = 0;
            foreach (var x in samples)
            {
                var s0 = x + coefficient * s1 - s2;
                s2 = s1;
                s1 = s0;
            }
            var power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
            if (power > bestPower)
            {
                bestPower = power;
                bestHz = f;
            }
        }
        return bestHz;
    }
}
