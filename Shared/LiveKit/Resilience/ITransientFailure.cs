namespace VoiceFunctions.Shared.Resilience;

/// <summary>
/// An error that knows whether trying again could succeed. The shared resilience pipeline reads
/// <see cref="IsTransient"/> to decide what to retry and what counts against the circuit breaker.
/// </summary>
public interface ITransientFailure
{
    /// <summary>True when the same request may succeed later (connection refused/reset, 502/503/504, unavailable, our own timeout).</summary>
    bool IsTransient { get; }
}
