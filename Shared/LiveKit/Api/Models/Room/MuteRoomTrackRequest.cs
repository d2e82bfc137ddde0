namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.MutePublishedTrack.</summary>
public sealed class MuteRoomTrackRequest
{
    public string Room { get; set; } = "";

    public string Identity { get; set; } = "";

    public string TrackSid { get; set; } = "";

    public bool Muted { get; set; }
}
