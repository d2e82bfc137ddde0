namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Tracks of one publisher (livekit.ParticipantTracks).</summary>
public sealed class ParticipantTracks
{
    public string ParticipantSid { get; set; } = "";

    public List<string> TrackSids { get; set; } = [];
}
