using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Timers;

/// <summary>Log messages of the Purge timer (event ids 5370–5379).</summary>
internal static partial class PurgeLog
{
    [LoggerMessage(5371, LogLevel.Information, "Purged the Durable history of {Count} finished orchestration(s) created before {Cutoff:O}")]
    public static partial void HistoryPurged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(5372, LogLevel.Information, "Purged {Calls} call(s) ({Rows} table rows) started before {Cutoff:yyyy-MM-dd}; {OpenKept} still in progress kept for reconciliation")]
    public static partial void CallRowsPurged(ILogger logger, int calls, int rows, DateOnly cutoff, int openKept);
}
