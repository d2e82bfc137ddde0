using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Shared.LiveKit.Api;

/// <summary>
/// Log messages of the LiveKit API clients. EventIds 1100–1199 belong to this class. Only the method,
/// the attempt and the outcome are logged: never a token, a secret or a request body.
/// </summary>
internal static partial class LiveKitApiLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "LiveKit {Method} attempt {Attempt} succeeded in {ElapsedMs} ms")]
    public static partial void AttemptSucceeded(ILogger logger, string method, int attempt, long elapsedMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "LiveKit {Method} attempt {Attempt} failed after {ElapsedMs} ms: {Outcome} (transient: {Transient})")]
    public static partial void AttemptFailed(ILogger logger, string method, int attempt, long elapsedMs, string outcome, bool transient);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "LiveKit {Method} not sent: circuit breaker open")]
    public static partial void CircuitOpen(ILogger logger, string method);
}
