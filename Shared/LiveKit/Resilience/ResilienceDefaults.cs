namespace VoiceFunctions.Shared.Resilience;

/// <summary>The documented defaults of <see cref="ResilienceOptions"/>, as named constants.</summary>
public static class ResilienceDefaults
{
    /// <summary>10 s: a LiveKit API call normally answers in milliseconds; 10 s means the server or path is stuck.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>5 attempts in all (1 + 4 retries): what our users configured before.</summary>
    public const int MaxAttempts = 5;

    /// <summary>1 s first backoff, doubled per retry with jitter: what our users configured before.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>30 s cap on one backoff, so the last retries do not wait minutes.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Break when half of the sampled calls failed transiently.</summary>
    public const double CircuitBreakerFailureRatio = 0.5;

    /// <summary>At least 10 calls in the sampling window before the breaker may open.</summary>
    public const int CircuitBreakerMinimumThroughput = 10;

    /// <summary>30 s sampling window for the failure ratio.</summary>
    public static readonly TimeSpan CircuitBreakerSamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>30 s open before a half-open trial call.</summary>
    public static readonly TimeSpan CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
}
