using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>The failover chains' log messages (EventIds 6120–6139): provider, model, latency and errors; never keys, text or audio.</summary>
internal static partial class FailoverLog
{
    [LoggerMessage(6120, LogLevel.Warning, "{Stage} provider {Provider} marked unhealthy ({Error}: {Message}); probing it in the background")]
    public static partial void MarkedUnhealthy(ILogger logger, string stage, string provider, string error, string message);

    [LoggerMessage(6121, LogLevel.Information, "{Stage} provider {Provider} answered its probe: healthy again")]
    public static partial void Recovered(ILogger logger, string stage, string provider);

    [LoggerMessage(6122, LogLevel.Debug, "{Stage} provider {Provider} failed its probe ({Error})")]
    public static partial void ProbeFailed(ILogger logger, string stage, string provider, string error);

    [LoggerMessage(6123, LogLevel.Warning, "{Stage} provider {Provider} failed after {ElapsedMs} ms ({Error}); {Next}")]
    public static partial void AttemptFailed(ILogger logger, string stage, string provider, double elapsedMs, string error, string next);

    [LoggerMessage(6124, LogLevel.Debug, "{Stage} provider {Provider} first result after {ElapsedMs} ms")]
    public static partial void FirstResult(ILogger logger, string stage, string provider, double elapsedMs);

    [LoggerMessage(6125, LogLevel.Information, "{Stage} provider {Provider}: retry {Attempt} in {DelayMs} ms (status {Status})")]
    public static partial void Retrying(ILogger logger, string stage, string provider, int attempt, double delayMs, int? status);

    [LoggerMessage(6126, LogLevel.Error, "{Stage}: every provider of the chain failed this turn ({Count})")]
    public static partial void AllFailed(ILogger logger, string stage, int count);

    [LoggerMessage(6127, LogLevel.Warning, "{Stage} provider {Provider} not marked unhealthy: {Error} caused by our own lateness ({Message})")]
    public static partial void NotCounted(ILogger logger, string stage, string provider, string error, string message);
}
