namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>LiveKit's EgressInfo. Its times are Unix <b>nanoseconds</b>, unlike the rest of the event.</summary>
public sealed class EgressInfo
{
    public string? EgressId { get; set; }
    public string? RoomId { get; set; }
    public string? RoomName { get; set; }
    public EgressStatus Status { get; set; }
    public long StartedAtNs { get; set; }
    public long EndedAtNs { get; set; }
    public long UpdatedAtNs { get; set; }
    public string? Error { get; set; }
    public int ErrorCode { get; set; }
    public string? Details { get; set; }
    public string? ManifestLocation { get; set; }
    /// <summary>The files written (egress_ended of a file egress): location, duration, size.</summary>
    public IReadOnlyList<EgressFileResult> FileResults { get; set; } = [];
}
