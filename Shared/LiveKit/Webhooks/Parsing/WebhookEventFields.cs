using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

/// <summary>The top-level fields of a webhook body as they are read, before the event name is checked.</summary>
internal sealed class WebhookEventFields
{
    public string? Name { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public RoomInfo? Room { get; set; }
    public ParticipantInfo? Participant { get; set; }
    public TrackInfo? Track { get; set; }
    public EgressInfo? Egress { get; set; }
    public IngressInfo? Ingress { get; set; }
    public int? NumDropped { get; set; }
}
