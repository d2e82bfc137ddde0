namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>LiveKit's IngressInfo with its state.</summary>
public sealed class IngressInfo
{
    public string? IngressId { get; init; }
    public string? Name { get; init; }
    public string? StreamKey { get; init; }
    public string? Url { get; init; }
    public IngressInput InputType { get; init; }
    public string? RoomName { get; init; }
    public string? ParticipantIdentity { get; init; }
    public string? ParticipantName { get; init; }
    public bool Reusable { get; init; }
    public IngressStatus Status { get; init; }
    public string? StateError { get; init; }
    public string? StateRoomId { get; init; }
}
