using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.StartWebEgress: record a web page (livekit.WebEgressRequest).</summary>
public sealed class WebEgressRequest
{
    public string Url { get; set; } = "";

    public bool AudioOnly { get; set; }

    public bool VideoOnly { get; set; }

    public bool AwaitStartSignal { get; set; }

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
