using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Shared.Observability.Logging;

/// <summary>Opens the call scope on a logger.</summary>
public static class CallLogScopeExtensions
{
    public static IDisposable? BeginCallScope(this ILogger logger, string callId, string? room)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrEmpty(callId);
        return logger.BeginScope(new CallLogScope(callId, room));
    }
}
