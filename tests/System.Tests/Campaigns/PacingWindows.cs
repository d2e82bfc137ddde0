using System.Globalization;

namespace VoiceFunctions.System.Tests.Campaigns;

/// <summary>
/// The call-start rate of a campaign per 10-second window (from the first start; the last, partial window left out),
/// against the configured pacing: the issue's "pacing holds within 10 %" is read from these windows. A window below
/// the pacing may be bound by the concurrency (all places taken), which the load run reports beside it.
/// </summary>
internal static class PacingWindows
{
    public const int WindowSeconds = 10;

    public static string Describe(IReadOnlyList<DateTime> starts, double rate)
    {
        if (starts.Count < 2)
        {
            return "per 10 s window: too few starts";
        }
        var first = starts[0];
        var full = (int)((starts[^1] - first).TotalSeconds / WindowSeconds);
        if (full == 0)
        {
            return "per 10 s window: the starts spanned less than one window";
        }
        var rates = Enumerable.Range(0, full)
            .Select(w => starts.Count(t => t >= first.AddSeconds(w * WindowSeconds) && t < first.AddSeconds((w + 1) * WindowSeconds)) / (double)WindowSeconds)
            .ToList();
        var worst = rates.Max(r => Math.Abs(r / rate - 1));
        var within = rates.Count(r => Math.Abs(r / rate - 1) <= 0.1);
        return $"per 10 s window (calls/s; pacing {F(rate)}): {string.Join(" ", rates.Select(F))}; "
            + $"{within} of {rates.Count} windows within 10 % of the pacing, worst {(worst * 100).ToString("0.0", CultureInfo.InvariantCulture)} % off";
    }

    /// <summary>
    /// The start rate of the first <paramref name="concurrency"/> starts: none of them waited for a place (fewer than the
    /// concurrency were in flight before each), so only the pacing and the campaign's start loop bound them. With 20
    /// places each held ~9 s per answered call, this is the only part of a 200-number run where the pacing, not the
    /// places, is what is measured (20 places allow 5 calls/s only for holds of at most 4 s).
    /// </summary>
    public static string BeforePlacesFill(IReadOnlyList<DateTime> starts, int concurrency, double rate)
    {
        var n = Math.Min(concurrency, starts.Count);
        if (n < 3)
        {
            return "start rate while places were free: too few starts";
        }
        var achieved = (n - 1) / (starts[n - 1] - starts[0]).TotalSeconds;
        var off = achieved / rate - 1;
        return $"start rate while places were free (the first {n} starts, none waited for a place): {achieved.ToString("0.00", CultureInfo.InvariantCulture)} calls/s "
            + $"over {(starts[n - 1] - starts[0]).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {(off * 100).ToString("+0.0;-0.0", CultureInfo.InvariantCulture)} % of the pacing "
            + (Math.Abs(off) <= 0.1 ? "(within 10 %)" : "(NOT within 10 %: the campaign's start loop, not the places, is the bound)");
    }

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
