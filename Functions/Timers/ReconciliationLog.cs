using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Timers;

/// <summary>Log messages of reconciliation (event ids 5350–5369).</summary>
internal static partial class ReconciliationLog
{
    [LoggerMessage(5351, LogLevel.Warning, "Call {CallId} closed by reconciliation: {Why}")]
    public static partial void Reconciled(ILogger logger, string callId, string why);
}
