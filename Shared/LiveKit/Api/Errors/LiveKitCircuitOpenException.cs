namespace VoiceFunctions.Shared.LiveKit.Api.Errors;

/// <summary>
/// The call was not sent: too many recent calls to LiveKit failed transiently and the circuit breaker
/// is open. It closes again (half-open trial) after the break duration.
/// </summary>
public sealed class LiveKitCircuitOpenException(string method, TimeSpan? retryAfter, Exception inner)
    : LiveKitException(method, $"LiveKit {method} not sent: the circuit breaker is open after repeated failures", inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public override bool IsTransient => true;
}
