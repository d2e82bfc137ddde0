namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.ForwardParticipant: the participant also appears in another room (livekit.ForwardParticipantRequest).</summary>
public sealed class ForwardParticipantRequest
{
    public string Room { get; set; } = "";

    public string Identity { get; set; } = "";

    public string DestinationRoom { get; set; } = "";
}
