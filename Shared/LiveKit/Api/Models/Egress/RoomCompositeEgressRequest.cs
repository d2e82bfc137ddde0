using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.StartRoomCompositeEgress: record the whole room.</summary>
public sealed class RoomCompositeEgressRequest
{
    public string RoomName { get; set; } = "";

    public string Layout { get; set; } = "";

    public bool AudioOnly { get; set; }

    public AudioMixing AudioMixing { get; set; }

    public bool VideoOnly { get; set; }

    public string CustomBaseUrl { get; set; } = "";

    public EncodingOptionsPreset? Preset { get; set; }

    public List<EncodedFileOutput> FileOutputs { get; set; } = [];

    [ProtoOptional]
    public EncodingOptions? Advanced { get; set; }

    public List<StreamOutput> StreamOutputs { get; set; } = [];

    public List<SegmentedFileOutput> SegmentOutputs { get; set; } = [];

    public List<ImageOutput> ImageOutputs { get; set; } = [];

    public List<WebhookConfig> Webhooks { get; set; } = [];
}
