namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.MutePublishedTrack response.</summary>
public sealed class MuteRoomTrackResponse
{
    public TrackInfo? Track { get; set; }
}
