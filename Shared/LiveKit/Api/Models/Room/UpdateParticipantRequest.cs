namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>RoomService.UpdateParticipant. The permission, when given, replaces the old one as a whole; an attribute set to "" is deleted.</summary>
public sealed class UpdateParticipantRequest
{
    public string Room { get; set; } = "";

    public string Identity { get; set; } = "";

    public string Metadata { get; set; } = "";

    public ParticipantPermission? Permission { get; set; }

    public string Name { get; set; } = "";

    public Dictionary<string, string> Attributes { get; set; } = [];
}
