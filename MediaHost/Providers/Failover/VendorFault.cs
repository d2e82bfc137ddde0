using Polly.CircuitBreaker;

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
    /// Which failures move a turn to the chain's next provider: any provider failure (the vendor's, or a deadline
    /// that ran out while we were late: the turn still needs an answer) and a breaker that is open. Whether the
    /// failure also counts against the provider is <see cref="IsVendorSide"/>.
    /// </summary>
    public static bool FailsOver(Exception failure) => failure is ProviderException or BrokenCircuitException;

    /// <summary>
    /// The vendor's answer <paramref name="pending"/>, once its race against a first-result deadline armed at the
    /// timestamp <paramref name="armedAt"/> is over. An answer already there wins, however late we come for it: one
    /// more turn is given for an answer received but not yet handed to us, and an expiry seen late by our own process
    /// gives the answer the time we lost, once. Otherwise the attempt is abandoned (<paramref name="abandon"/>) and a
    /// <see cref="ProviderTimeoutException"/> says whose lateness it was.
    /// </summary>
    internal static async Task<bool> AnswerOrTimeoutAsync(Task<bool> pending, long armedAt, TimeSpan deadline, string provider, TimeProvider time, CancellationTokenSource abandon)
    {
        if (!pending.IsCompleted)
        {
            await Task.Yield(); // one more turn for an answer already received but not yet handed to us
        }
        if (pending.IsCompleted)
        {
            return await pending.ConfigureAwait(false);
        }
        var lateBy = time.GetElapsedTime(armedAt) - deadline;
        var ourLateness = await ExpiredByOurLatenessAsync(pending, lateBy, deadline, time).ConfigureAwait(false);
        if (pending.IsCompleted)
        {
            return await pending.ConfigureAwait(false);
        }
        await abandon.CancelAsync().ConfigureAwait(false);
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // the abandoned attempt ends as it may (cancelled, or the transport's own error for a cancelled call); the expiry is the failure
        }
        throw new ProviderTimeoutException(provider, deadline, ourLateness);
    }

    /// <summary>
    /// A deadline's expiry was seen <paramref name="lateBy"/> late while <paramref name="pending"/> (the vendor's answer)
    /// had not come. If that was our lateness, the answer gets the time our process lost, once: the caller takes it if
    /// it completed meanwhile. Returns whether the expiry stays our lateness (the grace wait was late again), so that
    /// a vendor silent through the grace is blamed after all.
    /// </summary>
    private static async Task<bool> ExpiredByOurLatenessAsync(Task pending, TimeSpan lateBy, TimeSpan deadline, TimeProvider time)
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
