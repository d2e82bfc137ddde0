using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// How one stage's failover chain treats its providers (Providers:{Stt|Llm|Tts}:Failover). The layering: an attempt's
/// first result must arrive within <see cref="FirstResultDeadlineMs"/>, a transient failure is retried at most
/// <see cref="MaxRetries"/> times on the same provider, then the next provider takes the turn — all well inside the
/// session's stage deadline (AiLoop:ProviderTimeoutSeconds, 10 s), so a hung provider costs one deadline, not the turn.
/// </summary>
public sealed class FailoverOptions
{
    public const int DefaultFirstResultDeadlineMs = 1500;
    public const int DefaultMaxRetries = 1;
    public const int DefaultRetryBaseDelayMs = 100;
    public const int DefaultMaxRetryAfterMs = 1000;
    public const int DefaultProbeIntervalSeconds = 5;

    /// <summary>
    /// Time from the request (STT: from the end of the caller's speech) to the provider's first result, per attempt.
    /// Default 1500 ms: a healthy streaming vendor answers in a few hundred, and two misses plus the next provider
    /// still fit the 3 s failover budget. Its expiry marks the provider unhealthy.
    /// </summary>
    [Range(50, 30_000)]
    public int FirstResultDeadlineMs { get; set; } = DefaultFirstResultDeadlineMs;

    /// <summary>Retries on the same provider after a transient failure (429, 5xx, reset) before the next provider. Default 1.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>First retry delay (exponential with jitter). Default 100 ms.</summary>
    [Range(0, 10_000)]
    public int RetryBaseDelayMs { get; set; } = DefaultRetryBaseDelayMs;

    /// <summary>
    /// The longest Retry-After honoured on the same provider. Default 1000 ms: a provider that asks for more is left
    /// for the next one rather than keeping the caller in silence.
    /// </summary>
    [Range(0, 60_000)]
    public int MaxRetryAfterMs { get; set; } = DefaultMaxRetryAfterMs;

    /// <summary>How often an unhealthy provider is probed in the background until it answers again. Default 5 s.</summary>
    [Range(1, 3600)]
    public int ProbeIntervalSeconds { get; set; } = DefaultProbeIntervalSeconds;

    /// <summary>Circuit breaker: share of failed attempts in <see cref="BreakerSamplingSeconds"/> that opens it. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Circuit breaker: attempts needed in the window before it may open. Default 4.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>Circuit breaker: the sampling window, seconds. Default 30 s.</summary>
    [Range(1, 3600)]
    public int BreakerSamplingSeconds { get; set; } = 30;

    /// <summary>Circuit breaker: how long it stays open, seconds. Default 10 s.</summary>
    [Range(1, 3600)]
    public int BreakerOpenSeconds { get; set; } = 10;

    public TimeSpan FirstResultDeadline => TimeSpan.FromMilliseconds(FirstResultDeadlineMs);
}
