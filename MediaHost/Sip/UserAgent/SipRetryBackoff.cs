namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// How long to wait before registering again after consecutive failures: the base delay doubled per failure up to a
/// ceiling (a registrar that is down is not hammered, one that recovers is found again within the ceiling), and never
/// sooner than the registrar's own Retry-After (RFC 3261 section 20.33), itself capped by the ceiling so a hostile
/// value cannot park the line for days.
/// </summary>
public sealed record SipRetryBackoff(TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public TimeSpan Delay(int consecutiveFailures, TimeSpan? retryAfter = null)
    {
        var doublings = Math.Clamp(consecutiveFailures - 1, 0, 30);
        var backoff = TimeSpan.FromTicks((long)Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * Math.Pow(2, doublings)));
        if (retryAfter is { } asked && asked > backoff)
        {
            backoff = asked < MaxDelay ? asked : MaxDelay;
        }
        return backoff;
    }
}
