using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.StartTrackCompositeEgress: record one audio and/or one video track together (livekit.TrackCompositeEgressRequest).</summary>
public sealed class TrackCompositeEgressRequest
{
    public string RoomName { get; set; } = "";

    public string AudioTrackId { get; set; } = "";

    public string VideoTrackId { get; set; } = "";

    [ProtoOptional]
    public EncodedFileOutput? File { get; set; }

    [ProtoOptional]
    public StreamOutput? Stream { get; set; }

    [ProtoOptional]
    public SegmentedFileOutput? Segments { get; set; }

    [ProtoOptional]
    public EncodingOptionsPreset? Preset { get; set; }

    [ProtoOptional]
    public EncodingOptions? Advanced { get; set; }

    public List<EncodedFileOutput> FileOutputs { get; set; } = [];

    public List<StreamOutput> StreamOutputs { get; set; } = [];

    public List<SegmentedFileOutput> SegmentOutputs { get; set; } = [];

    public List<ImageOutput> ImageOutputs { get; set; } = [];

    public List<WebhookConfig> Webhooks { get; set; } = [];
}
