using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.StartParticipantEgress: record one participant's tracks (livekit.ParticipantEgressRequest).</summary>
public sealed class ParticipantEgressRequest
{
    public string RoomName { get; set; } = "";

    public string Identity { get; set; } = "";

    public bool ScreenShare { get; set; }

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
