using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Log messages of the agent dispatchers (event ids 5150–5159).</summary>
internal static partial class DispatcherLog
{
    [LoggerMessage(5151, LogLevel.Warning, "Call {CallId}: dispatch attempt {Attempt} timed out; the MediaHost may still be ringing, so it is not repeated")]
    public static partial void OutcomeUnknown(ILogger logger, string callId, int attempt);
}
