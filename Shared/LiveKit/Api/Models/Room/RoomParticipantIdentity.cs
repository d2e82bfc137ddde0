namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.GetParticipant and RemoveParticipant.</summary>
public sealed class RoomParticipantIdentity
{
    public string Room { get; set; } = "";

    public string Identity { get; set; } = "";

    /// <summary>RemoveParticipant only: tokens issued before this Unix time (seconds) can no longer join; 0 = not set.</summary>
    public long RevokeTokenTs { get; set; }
}
