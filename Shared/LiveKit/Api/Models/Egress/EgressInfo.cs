using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An egress (livekit.EgressInfo).</summary>
public sealed class EgressInfo
{
    /// <summary>"EG_…".</summary>
    public string EgressId { get; set; } = "";

    public string RoomId { get; set; } = "";

    public string RoomName { get; set; } = "";

    public EgressStatus Status { get; set; }

    /// <summary>Unix nanoseconds.</summary>
    public long StartedAt { get; set; }

    /// <summary>Unix nanoseconds.</summary>
    public long EndedAt { get; set; }

    /// <summary>Unix nanoseconds.</summary>
    public long UpdatedAt { get; set; }

    public string Details { get; set; } = "";

    public string Error { get; set; } = "";

    public int ErrorCode { get; set; }

    [ProtoOptional]
    public RoomCompositeEgressRequest? RoomComposite { get; set; }

    [ProtoOptional]
    public TrackEgressRequest? Track { get; set; }

    public List<FileInfo> FileResults { get; set; } = [];

    public string ManifestLocation { get; set; } = "";
}
