using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Calls;

/// <summary>Log messages of the call layer (EventId 3004 kept from when the SIP user agent ran the handler).</summary>
internal static partial class CallLog
{
    [LoggerMessage(3004, LogLevel.Error, "Call handler failed for call {CallId}")]
    public static partial void HandlerFailed(ILogger logger, string callId, Exception exception);
}
