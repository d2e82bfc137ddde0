using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Log messages of the call activities (event ids 5100–5199). Phone numbers are never logged.</summary>
internal static partial class ActivityLog
{
    [LoggerMessage(5101, LogLevel.Information, "Call {CallId}: dispatching the agent (attempt {Attempt})")]
    public static partial void Dispatching(ILogger logger, string callId, int attempt);

    [LoggerMessage(5102, LogLevel.Warning, "Call {CallId}: transferring the caller to the human fallback")]
    public static partial void Transferring(ILogger logger, string callId);

    [LoggerMessage(5103, LogLevel.Information, "Call {CallId}: ending the call in LiveKit ({Why})")]
    public static partial void EndingCall(ILogger logger, string callId, string why);
}
