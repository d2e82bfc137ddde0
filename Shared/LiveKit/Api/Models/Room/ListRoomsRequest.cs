namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.ListRooms.</summary>
public sealed class ListRoomsRequest
{
    /// <summary>Rooms to return; empty = all.</summary>
    public List<string> Names { get; set; } = [];
}
