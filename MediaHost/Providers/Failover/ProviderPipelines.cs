using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// Builds one provider's Polly pipeline: retry of transient failures with exponential backoff and jitter (a
/// Retry-After up to <see cref="FailoverOptions.MaxRetryAfterMs"/> is used as the delay; a longer one, and a missed
/// first-result deadline, go to the next provider instead), inside a circuit breaker of its own that counts only the vendor's own failures (<see cref="VendorFault"/>).
/// </summary>
public static class ProviderPipelines
{
    public static ResiliencePipeline Create(string stage, string provider, FailoverOptions options, TimeProvider time, ILogger logger)
    {
        var maxRetryAfter = TimeSpan.FromMilliseconds(options.MaxRetryAfterMs);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time, Name = $"{stage}:{provider}" };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
                ShouldHandle = new PredicateBuilder().Handle<ProviderException>(e => IsWorthRetrying(e, maxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ProviderException { RetryAfter: { } after } ? after : (TimeSpan?)null),
                OnRetry = args =>
                {
                    FailoverLog.Retrying(logger, stage, provider, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds,
                        (args.Outcome.Exception as ProviderException)?.StatusCode);
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(options.BreakerOpenSeconds),
            // Only the vendor's own failures: a timeout caused by our process being late must not open the breaker
            // that every call to this provider shares.
            ShouldHandle = new PredicateBuilder().Handle<ProviderException>(VendorFault.IsVendorSide),
        });
        return builder.Build();
    }

    /// <summary>Transient, not a missed deadline (the next provider is the faster cure), and not asking for a longer wait than we allow.</summary>
    internal static bool IsWorthRetrying(ProviderException e, TimeSpan maxRetryAfter) =>
        e.IsTransient && e is not ProviderTimeoutException && e is not AllProvidersFailedException && (e.RetryAfter is null || e.RetryAfter <= maxRetryAfter);
}
