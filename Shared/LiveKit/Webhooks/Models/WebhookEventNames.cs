namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>The <c>event</c> strings on the wire, and their typed counterparts.</summary>
public static class WebhookEventNames
{
    public const string RoomStarted = "room_started";
    public const string RoomFinished = "room_finished";
    public const string ParticipantJoined = "participant_joined";
    public const string ParticipantLeft = "participant_left";
    public const string ParticipantConnectionAborted = "participant_connection_aborted";
    public const string TrackPublished = "track_published";
    public const string TrackUnpublished = "track_unpublished";
    public const string EgressStarted = "egress_started";
    public const string EgressUpdated = "egress_updated";
    public const string EgressEnded = "egress_ended";
    public const string IngressStarted = "ingress_started";
    public const string IngressEnded = "ingress_ended";

    public static WebhookEventType ToEventType(string name) => name switch
    {
        RoomStarted => WebhookEventType.RoomStarted,
        RoomFinished => WebhookEventType.RoomFinished,
        ParticipantJoined => WebhookEventType.ParticipantJoined,
        ParticipantLeft => WebhookEventType.ParticipantLeft,
        ParticipantConnectionAborted => WebhookEventType.ParticipantConnectionAborted,
        TrackPublished => WebhookEventType.TrackPublished,
        TrackUnpublished => WebhookEventType.TrackUnpublished,
        EgressStarted => WebhookEventType.EgressStarted,
        EgressUpdated => WebhookEventType.EgressUpdated,
        EgressEnded => WebhookEventType.EgressEnded,
        IngressStarted => WebhookEventType.IngressStarted,
        IngressEnded => WebhookEventType.IngressEnded,
        _ => WebhookEventType.Unknown,
    };
}
