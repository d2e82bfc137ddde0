using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Health;

/// <summary>Log messages of the health check (event ids 5300–5349).</summary>
internal static partial class HealthLog
{
    [LoggerMessage(5301, LogLevel.Warning, "Health {Kind}: {Summary}")]
    public static partial void Alert(ILogger logger, string kind, string summary);

    [LoggerMessage(5302, LogLevel.Error, "Health {Kind} could not be sent to the alert webhook ({Reason}); it is retried at the next check")]
    public static partial void AlertNotSent(ILogger logger, string kind, string reason);
}
