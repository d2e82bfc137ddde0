namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// Whether the caller heard a given rendering, without a recogniser (none here does Russian): the loudness of each
/// 20 ms frame, kept only where voiced (so silences and gaps between sentences do not count), compared with the
/// reference's by length (how long the speech lasted) and by correlation (the syllables' rise and fall).
/// </summary>
internal static class SpokenEnvelope
{
    /// <summary>The loudness (dBFS) of each 20 ms frame of 16 kHz audio.</summary>
    public static double[] Frames16k(short[] pcm) =>
        [.. Enumerable.Range(0, pcm.Length / 320).Select(i => Session.LoadCall.Dbfs(pcm.AsSpan(i * 320, 320)))];

    /// <summary>The voiced frames only (above <see cref="WireAnswer.VoicedDbfs"/>).</summary>
    public static double[] Voiced(IEnumerable<double> dbfs) => [.. dbfs.Where(d => d > WireAnswer.VoicedDbfs)];

    /// <summary>From the first voiced frame to the last, silence floored at -60 dBFS (below it is only noise of the codec).</summary>
    public static double[] Trimmed(IReadOnlyList<double> dbfs)
    {
        var first = dbfs.ToList().FindIndex(d => d > WireAnswer.VoicedDbfs);
        var last = dbfs.ToList().FindLastIndex(d => d > WireAnswer.VoicedDbfs);
        return first < 0 ? [] : [.. dbfs.Skip(first).Take(last - first + 1).Select(d => Math.Max(d, -60))];
    }

    /// <summary>
    /// How alike the two envelopes are, allowing the heard one to slip (a playout gap on a loaded machine shifts what
    /// follows): the reference is cut into half-second windows; each non-silent window is matched at its best shift
    /// from <paramref name="maxEarlier"/> frames before to <paramref name="maxLater"/> frames after the previous
    /// window's; the median of the windows' correlations. The range is lopsided because a playout gap only ever delays
    /// what follows it (a 240 ms underrun mid-sentence on a loaded CI machine shifted the rest by 12 frames), while
    /// the heard audio can run ahead of the reference only by a frame or two of codec and trimming.
    /// </summary>
    public static double WindowedCorrelation(double[] heard, double[] reference, int window = 25, int maxEarlier = 5, int maxLater = 25)
    {
        var scores = new List<double>();
        var lag = 0;
        for (var start = 0; start + window <= reference.Length; start += window)
        {
            var part = reference[start..(start + window)];
            if (part.Max() - part.Min() < 6)
            {
                continue; // a silence or a flat stretch says nothing about the words
            }
            var (best, bestLag) = (-1.0, lag);
            for (var shift = lag - maxEarlier; shift <= lag + maxLater; shift++)
            {
                var from = start + shift;
                if (from >= 0 && from + window <= heard.Length && Correlation(heard[from..(from + window)], part) is var c && c > best)
                {
                    (best, bestLag) = (c, shift);
                }
            }
            scores.Add(best);
            lag = bestLag;
        }
        return scores.Count == 0 ? 0 : scores.Order().ElementAt(scores.Count / 2);
    }

    /// <summary>Pearson correlation over the common length.</summary>
    public static double Correlation(double[] a, double[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        if (n < 2)
        {
            return 0;
        }
        double ma = a.Take(n).Average(), mb = b.Take(n).Average(), sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < n; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.Sqrt(saa * sbb);
    }
}
