namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.UpdateRoomMetadata.</summary>
public sealed class UpdateRoomMetadataRequest
{
    public string Room { get; set; } = "";

    public string Metadata { get; set; } = "";
}
