namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>LiveKit's IngressInfo with its state.</summary>
public sealed class IngressInfo
{
    public string? IngressId { get; set; }
    public string? Name { get; set; }
    public string? StreamKey { get; set; }
    public string? Url { get; set; }
    public IngressInput InputType { get; set; }
    public string? RoomName { get; set; }
    public string? ParticipantIdentity { get; set; }
    public string? ParticipantName { get; set; }
    public bool Reusable { get; set; }
    public IngressStatus Status { get; set; }
    public string? StateError { get; set; }
    public string? StateRoomId { get; set; }
}
