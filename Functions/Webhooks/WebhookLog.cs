using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>Log messages of the webhook and agent-event endpoints (event ids 5200–5299). Bodies and tokens are never logged.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(5201, LogLevel.Warning, "Webhook refused with {Status}: {Reason}")]
    public static partial void Refused(ILogger logger, int status, string reason);

    [LoggerMessage(5202, LogLevel.Information, "Webhook {EventId} ({EventName}) for call {CallId}: {Delivery}")]
    public static partial void Delivered(ILogger logger, string eventId, string eventName, string callId, CallDelivery delivery);

    [LoggerMessage(5203, LogLevel.Debug, "Webhook {EventId} is a duplicate; not acted on again")]
    public static partial void Duplicate(ILogger logger, string eventId);

    [LoggerMessage(5204, LogLevel.Error, "Webhook {EventId} for call {CallId} could not be delivered; the sender will retry")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, string eventId, string callId);

    [LoggerMessage(5205, LogLevel.Information, "Agent event {EventId} ({Type}) for call {CallId}: {Delivery}")]
    public static partial void AgentEventDelivered(ILogger logger, string eventId, string type, string callId, CallDelivery delivery);
}
