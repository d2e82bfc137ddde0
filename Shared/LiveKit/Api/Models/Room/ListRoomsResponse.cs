namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.ListRooms response.</summary>
public sealed class ListRoomsResponse
{
    public List<Room> Rooms { get; set; } = [];
}
