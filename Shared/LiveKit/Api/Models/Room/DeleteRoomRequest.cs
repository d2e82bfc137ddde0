namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.DeleteRoom.</summary>
public sealed class DeleteRoomRequest
{
    public string Room { get; set; } = "";
}
