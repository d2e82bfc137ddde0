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

    public EgressSourceType SourceType { get; set; }

    [ProtoOptional]
    public StartEgressRequest? Egress { get; set; }

    [ProtoOptional]
    public WebEgressRequest? Web { get; set; }

    [ProtoOptional]
    public ParticipantEgressRequest? Participant { get; set; }

    [ProtoOptional]
    public TrackCompositeEgressRequest? TrackComposite { get; set; }

    public List<StreamInfo> StreamResults { get; set; } = [];

    public List<SegmentsInfo> SegmentResults { get; set; } = [];

    public List<ImagesInfo> ImageResults { get; set; } = [];

    public bool BackupStorageUsed { get; set; }

    public int RetryCount { get; set; }
}
