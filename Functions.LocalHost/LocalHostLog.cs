using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>Log messages of the local host (event ids 5900–5919).</summary>
internal static partial class LocalHostLog
{
    [LoggerMessage(5901, LogLevel.Error, "Local timer job {Name} failed; it runs again next period")]
    public static partial void JobFailed(ILogger logger, Exception exception, string name);
}
