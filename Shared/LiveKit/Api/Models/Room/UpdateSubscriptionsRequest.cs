namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.UpdateSubscriptions: subscribe a participant to tracks, or unsubscribe it (livekit.UpdateSubscriptionsRequest).</summary>
public sealed class UpdateSubscriptionsRequest
{
    public string Room { get; set; } = "";

    public string Identity { get; set; } = "";

    /// <summary>Tracks to (un)subscribe, by sid.</summary>
    public List<string> TrackSids { get; set; } = [];

    public bool Subscribe { get; set; }

    public List<ParticipantTracks> ParticipantTracks { get; set; } = [];
}
