using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Agent;

internal static partial class EndOfTurnModelLog
{
    [LoggerMessage(6060, LogLevel.Warning, "The end-of-turn model failed on a pause ({Message}); the built-in scorer decided it")]
    public static partial void RunFailed(ILogger logger, string message);
}
