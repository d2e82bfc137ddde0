namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.IngressState.</summary>
public sealed class IngressState
{
    public IngressStatus Status { get; set; }

    public string Error { get; set; } = "";

    public string RoomId { get; set; } = "";

    public long StartedAt { get; set; }

    public long EndedAt { get; set; }

    public long UpdatedAt { get; set; }

    public string ResourceId { get; set; } = "";
}
