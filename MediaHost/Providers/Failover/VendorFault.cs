namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// Which failures count against a provider (its circuit breaker, its health): only the vendor's own — an HTTP or
/// gRPC error status (5xx, 429, refusals), a connection refused or reset, a vendor error frame, or vendor silence past
/// a deadline that we observed on time. A timeout seen while our own process was late (CPU starvation: our reader
/// or timer not scheduled, our send queue stalled) is not the vendor's failure: under overload it would otherwise
/// open the one breaker every call shares.
/// </summary>
public static class VendorFault
{
    /// <summary>The least lateness that counts as our own: a timer or reader this late was not scheduled in time
    /// (a loaded but working machine runs continuations a few hundred milliseconds late, a starved one seconds).</summary>
    public static readonly TimeSpan MinimumLateness = TimeSpan.FromSeconds(1);

    /// <summary>The status a failure carries when the call was cancelled on our side (gRPC CANCELLED; 499 as in
    /// "client closed request"): a stream we abandoned or timed out ourselves is not the vendor's failure.</summary>
    public const int OurCancellation = 499;

    /// <summary>True when <paramref name="failure"/> is the vendor's own failure.</summary>
    public static bool IsVendorSide(Exception failure) =>
        failure is ProviderException { StatusCode: not OurCancellation } and not AllProvidersFailedException and not ProviderTimeoutException { OurLateness: true };

    /// <summary>
    /// True when an expiry of <paramref name="deadline"/> was seen <paramref name="lateBy"/> after it was due and that
    /// is our lateness: more than half the deadline, and at least <see cref="MinimumLateness"/>.
    /// </summary>
    public static bool IsOurLateness(TimeSpan lateBy, TimeSpan deadline) =>
        lateBy > MinimumLateness && lateBy > deadline / 2;

    /// <summary>
    /// A deadline's expiry was seen <paramref name="lateBy"/> late while <paramref name="pending"/> (the vendor's answer)
    /// had not come. If that was our lateness, the answer gets the time our process lost, once: the caller takes it if
    /// it completed meanwhile. Returns whether the expiry stays our lateness (the grace wait was late again), so that
    /// a vendor silent through the grace is blamed after all.
    /// </summary>
    public static async Task<bool> ExpiredByOurLatenessAsync(Task pending, TimeSpan lateBy, TimeSpan deadline, TimeProvider time)
    {
        if (!IsOurLateness(lateBy, deadline))
        {
            return false;
        }
        var graceStarted = time.GetTimestamp();
        using (var stopTimer = new CancellationTokenSource())
        {
            await Task.WhenAny(pending, Task.Delay(lateBy, time, stopTimer.Token)).ConfigureAwait(false);
            await stopTimer.CancelAsync().ConfigureAwait(false);
        }
        return pending.IsCompleted || IsOurLateness(time.GetElapsedTime(graceStarted) - lateBy, deadline);
    }
}
