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

    private static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
