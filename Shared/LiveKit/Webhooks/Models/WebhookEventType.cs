namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>The webhook events LiveKit sends; anything else is <see cref="Unknown"/> and kept by name.</summary>
public enum WebhookEventType
{
    Unknown = 0,
    RoomStarted,
    RoomFinished,
    ParticipantJoined,
    ParticipantLeft,
    ParticipantConnectionAborted,
    TrackPublished,
    TrackUnpublished,
    EgressStarted,
    EgressUpdated,
    EgressEnded,
    IngressStarted,
    IngressEnded,
}
