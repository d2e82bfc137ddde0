namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// A provider did not answer within its timeout. Its own type so that the agent can tell "we gave up waiting"
/// (speak the fallback) apart from "the caller interrupted" (an <see cref="OperationCanceledException"/> of the turn).
/// </summary>
/// <param name="ourLateness">True when the wait ran out while our own process was late (the expiry was seen well
/// after it was due, or nothing had been sent yet): the turn still moves on, but the provider is not blamed, so
/// neither its circuit breaker nor its health counts it (<see cref="Failover.VendorFault"/>).</param>
public sealed class ProviderTimeoutException(string provider, TimeSpan timeout, bool ourLateness = false)
    : ProviderException(provider, ourLateness ? $"no answer within {timeout.TotalSeconds:0.###} s (our process was late: not counted against the provider)"
        : $"no answer within {timeout.TotalSeconds:0.###} s", isTransient: true)
{
    public TimeSpan Timeout { get; } = timeout;

    /// <summary>The wait ran out because our own process was late, not because the vendor was silent.</summary>
    public bool OurLateness { get; } = ourLateness;
}
