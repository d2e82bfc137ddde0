namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress started with the room (livekit.RoomEgress).</summary>
public sealed class RoomEgress
{
    public RoomCompositeEgressRequest? Room { get; set; }

    public AutoParticipantEgress? Participant { get; set; }

    public AutoTrackEgress? Tracks { get; set; }
}
