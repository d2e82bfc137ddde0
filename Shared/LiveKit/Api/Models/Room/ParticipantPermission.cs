namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>What a participant may do (livekit.ParticipantPermission).</summary>
public sealed class ParticipantPermission
{
    public bool CanSubscribe { get; set; }

    public bool CanPublish { get; set; }

    public bool CanPublishData { get; set; }

    public List<TrackSource> CanPublishSources { get; set; } = [];

    public bool Hidden { get; set; }

    public bool Recorder { get; set; }

    public bool CanUpdateMetadata { get; set; }

    public bool Agent { get; set; }

    public bool CanSubscribeMetrics { get; set; }

    public bool CanManageAgentSession { get; set; }
}
