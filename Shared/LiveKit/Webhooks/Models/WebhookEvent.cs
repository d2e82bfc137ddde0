using System.Text.Json;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>
/// One LiveKit webhook event. Which of room/participant/track/egress/ingress is set depends on the
/// event. Fields we do not model, and events we do not know, stay available in <see cref="RawJson"/>.
/// </summary>
public sealed class WebhookEvent
{
    private JsonElement? _raw;

    /// <summary>The event name as sent (e.g. <c>participant_joined</c>), also for unknown events.</summary>
    public required string Event { get; init; }
    public WebhookEventType Type => WebhookEventNames.ToEventType(Event);
    /// <summary>Delivery id (<c>EV_…</c>); LiveKit may redeliver, so handlers dedupe on it.</summary>
    public string? Id { get; init; }
    /// <summary>When LiveKit created the event (sent as Unix seconds).</summary>
    public DateTimeOffset? CreatedAt { get; init; }
    public RoomInfo? Room { get; init; }
    public ParticipantInfo? Participant { get; init; }
    public TrackInfo? Track { get; init; }
    public EgressInfo? EgressInfo { get; init; }
    public IngressInfo? IngressInfo { get; init; }
    /// <summary>Deprecated by LiveKit; absent from current servers.</summary>
    public int? NumDropped { get; init; }

    /// <summary>The verified body bytes, exactly as received.</summary>
    public required ReadOnlyMemory<byte> RawJson { get; init; }

    /// <summary>The whole event as JSON, for fields this model leaves out (parsed on first use).</summary>
    public JsonElement Raw => _raw ??= JsonDocument.Parse(RawJson).RootElement.Clone();
}
