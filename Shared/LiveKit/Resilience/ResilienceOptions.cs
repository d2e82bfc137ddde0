using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Shared.Resilience;

/// <summary>
/// How an outbound call is protected: a timeout per attempt, bounded retries with exponential backoff and
/// jitter (transient failures of calls that are safe to repeat only), and a circuit breaker that stops
/// hammering a failing service. Defaults are in <see cref="ResilienceDefaults"/>.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>Time one attempt may take before it is cancelled. Default 10 s; 1 ms–10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = ResilienceDefaults.AttemptTimeout;

    /// <summary>Attempts in all, the first included; 1 turns retries off. Default 5; 1–20.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = ResilienceDefaults.MaxAttempts;

    /// <summary>Backoff before the first retry, doubled for each further retry, with jitter. Default 1 s; 0–1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = ResilienceDefaults.BaseDelay;

    /// <summary>Upper bound of one backoff. Default 30 s; 0–10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxDelay { get; set; } = ResilienceDefaults.MaxDelay;

    /// <summary>
    /// Randomise each backoff (decorrelated jitter) so many clients that failed together do not retry in
    /// step. Default true; tests turn it off to check exact delays.
    /// </summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Share of transient failures among sampled calls that opens the breaker. Default 0.5; 0.01–1.</summary>
    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = ResilienceDefaults.CircuitBreakerFailureRatio;

    /// <summary>Calls needed in the window before the breaker may open. Default 10; at least 2.</summary>
    [Range(2, int.MaxValue)]
    public int CircuitBreakerMinimumThroughput { get; set; } = ResilienceDefaults.CircuitBreakerMinimumThroughput;

    /// <summary>Window over which the failure ratio is measured. Default 30 s; 0.5 s–1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = ResilienceDefaults.CircuitBreakerSamplingDuration;

    /// <summary>How long the breaker stays open before one trial call. Default 30 s; 0.5 s–1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = ResilienceDefaults.CircuitBreakerBreakDuration;
}
