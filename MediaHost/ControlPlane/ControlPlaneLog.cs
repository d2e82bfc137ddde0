using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.ControlPlane;

internal static partial class ControlPlaneLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Call event {Type} for {CallId} sent (attempt {Attempt})")]
    public static partial void EventSent(ILogger logger, string type, string callId, int attempt);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Call event {Type} for {CallId} refused by the control plane: {Problem}")]
    public static partial void EventRefused(ILogger logger, string type, string callId, string problem);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Call event {Type} for {CallId} not delivered after {Attempts} attempt(s): {Problem}")]
    public static partial void EventGaveUp(ILogger logger, string type, string callId, int attempts, string problem);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Shutdown: call events still queued after {Seconds} s were not sent")]
    public static partial void FlushIncomplete(ILogger logger, double seconds);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Heartbeat of MediaHost {HostId} not taken by the control plane: {Problem} (it is presumed lost after three missed heartbeats)")]
    public static partial void HeartbeatFailing(ILogger logger, string hostId, string problem);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Information, Message = "Heartbeat of MediaHost {HostId} taken by the control plane again")]
    public static partial void HeartbeatRecovered(ILogger logger, string hostId);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Warning, Message = "Call {CallId}: the control plane had already finished this call (its answer to our {Type} event); hanging up")]
    public static partial void HangingUpFinishedCall(ILogger logger, string callId, string type);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Error, Message = "Call {CallId}: hanging up the call the control plane had already finished failed ({Error})")]
    public static partial void FinishedCallHangUpFailed(ILogger logger, string callId, string error);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Call event {Type} for {CallId} dropped: the queue to the control plane is full")]
    public static partial void EventDropped(ILogger logger, string type, string callId);
}
