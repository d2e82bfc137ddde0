using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.MediaHosts;

/// <summary>Log messages of the MediaHost heartbeat endpoint (event ids 5800–5819). Bodies and tokens are never logged.</summary>
internal static partial class MediaHostLog
{
    [LoggerMessage(5801, LogLevel.Warning, "MediaHost heartbeat refused with {Status}: {Reason}")]
    public static partial void Refused(ILogger logger, int status, string reason);

    [LoggerMessage(5802, LogLevel.Information, "MediaHost {HostId} is watched from its heartbeat ({Calls} calls)")]
    public static partial void MonitorStarted(ILogger logger, string hostId, int calls);
}
