namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>LiveKit's EgressInfo. Its times are Unix <b>nanoseconds</b>, unlike the rest of the event.</summary>
public sealed class EgressInfo
{
    public string? EgressId { get; init; }
    public string? RoomId { get; init; }
    public string? RoomName { get; init; }
    public EgressStatus Status { get; init; }
    public long StartedAtNs { get; init; }
    public long EndedAtNs { get; init; }
    public long UpdatedAtNs { get; init; }
    public string? Error { get; init; }
    public int ErrorCode { get; init; }
    public string? Details { get; init; }
    public string? ManifestLocation { get; init; }
}
