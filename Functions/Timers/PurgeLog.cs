using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Timers;

/// <summary>Log messages of the Purge timer (event ids 5370–5379).</summary>
internal static partial class PurgeLog
{
    [LoggerMessage(5371, LogLevel.Information, "Purged the Durable history of {Count} finished orchestration(s) created before {Cutoff:O}")]
    public static partial void HistoryPurged(ILogger logger, int count, DateTimeOffset cutoff);
}
