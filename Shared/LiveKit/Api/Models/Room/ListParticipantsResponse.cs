namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.ListParticipants response.</summary>
public sealed class ListParticipantsResponse
{
    public List<ParticipantInfo> Participants { get; set; } = [];
}
