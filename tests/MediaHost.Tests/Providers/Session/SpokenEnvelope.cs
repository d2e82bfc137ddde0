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

    /// <summary>The best correlation of <paramref name="heard"/> with <paramref name="reference"/> shifted by up to <paramref name="maxLag"/> frames either way.</summary>
    public static double BestCorrelation(double[] heard, double[] reference, int maxLag = 10) =>
        Enumerable.Range(-maxLag, 2 * maxLag + 1).Max(lag => lag >= 0
            ? Correlation(heard[Math.Min(lag, heard.Length)..], reference)
            : Correlation(heard, reference[Math.Min(-lag, reference.Length)..]));

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
