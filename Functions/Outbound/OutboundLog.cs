using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>Log messages of outbound calling on the control plane (no phone numbers, no variable values).</summary>
internal static partial class OutboundLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
        Message = "Call {CallId}: the callee is no longer in the room; the agent is dispatched without the call's variables")]
    public static partial void CalleeNotInRoom(ILogger logger, string callId);
}
