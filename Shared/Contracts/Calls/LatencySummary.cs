namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// Response latency over a call's turns: the time from the end of the caller's speech to the agent's
/// first audio, in milliseconds. Empty when no turn reported a latency.
/// </summary>
public sealed record LatencySummary(int Samples, int P50Ms, int P95Ms, int MaxMs, int MeanMs)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0);

    /// <summary>Summarises the latencies (ms) of the turns that reported one.</summary>
    public static LatencySummary From(IEnumerable<int> latenciesMs)
    {
        var sorted = latenciesMs.Where(l => l >= 0).Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }
        return new LatencySummary(
            sorted.Length,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            sorted[^1],
            (int)Math.Round(sorted.Average()));
    }

    // Nearest-rank percentile: the smallest sample with at least p of the samples at or below it.
    private static int Percentile(int[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
