namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.MoveParticipant: the participant leaves this room for another (livekit.MoveParticipantRequest).</summary>
public sealed class MoveParticipantRequest
{
    public string Room { get; set; } = "";

    public string Identity { get; set; } = "";

    public string DestinationRoom { get; set; } = "";
}
