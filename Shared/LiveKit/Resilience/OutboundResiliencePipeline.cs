using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace VoiceFunctions.Shared.Resilience;

/// <summary>
/// Builds the pipeline every outbound call goes through, outermost first: retry → circuit breaker →
/// per-attempt timeout. Retries happen only for transient failures (<see cref="ITransientFailure"/> or an
/// attempt timeout) of calls marked <see cref="OutboundCallProperties.SafeToRepeat"/>; the breaker counts
/// transient failures of every call. Time comes from the injected <see cref="TimeProvider"/>, so tests
/// drive backoff, timeouts and the break with a fake clock.
/// </summary>
public static class OutboundResiliencePipeline
{
    public static ResiliencePipeline Create(ResilienceOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Context.Properties.GetValue(OutboundCallProperties.SafeToRepeat, false) && IsTransient(args.Outcome.Exception)),
            });
        }
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
        });
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(
                args.Context.Properties.TryGetValue(OutboundCallProperties.AttemptTimeout, out var timeout) ? timeout : options.AttemptTimeout),
        });
        return builder.Build();
    }

    /// <summary>Transient = the failure says so, or our own attempt timeout fired.</summary>
    public static bool IsTransient(Exception? exception) =>
        exception is TimeoutRejectedException or ITransientFailure { IsTransient: true };
}
