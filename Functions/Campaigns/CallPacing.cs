namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// The campaign's pacing as a generic cell rate (a token bucket in one number): each start moves the theoretical
/// next start on by 1/rate; a start is allowed up to <see cref="BucketSeconds"/> worth of calls early, so an
/// orchestration episode that ran late may catch up, while the long-run rate stays exactly the configured one. Pure.
/// </summary>
public static class CallPacing
{
    /// <summary>
    /// How many seconds of calls a late episode may start at once: 2, the task hub's longest queue poll
    /// (host.json maxQueuePollingInterval), by which a campaign's timer can fire late when its queue was idle. A bucket
    /// of one second lost the rest of such a delay for good (5 calls/s held only for episodes less than 1 s late).
    /// </summary>
    public const double BucketSeconds = 2;

    public static TimeSpan Interval(double callsPerSecond) => TimeSpan.FromSeconds(1 / callsPerSecond);

    /// <summary>How early before the theoretical start a call may start (the bucket's depth less one call).</summary>
    public static TimeSpan Tolerance(double callsPerSecond) => Interval(callsPerSecond) * Math.Max(0, Math.Floor(callsPerSecond * BucketSeconds) - 1);

    /// <summary>The earliest UTC time the next call may start.</summary>
    public static DateTime EarliestStart(DateTime theoretical, double callsPerSecond) => theoretical - Tolerance(callsPerSecond);

    /// <summary>The theoretical next start after a call started at <paramref name="now"/>.</summary>
    public static DateTime AfterStart(DateTime theoretical, DateTime now, double callsPerSecond) =>
        (theoretical > now ? theoretical : now) + Interval(callsPerSecond);
}
