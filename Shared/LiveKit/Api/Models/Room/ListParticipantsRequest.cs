namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.ListParticipants.</summary>
public sealed class ListParticipantsRequest
{
    public string Room { get; set; } = "";
}
