using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.StartEgress: the unified egress request (source, encoding, outputs, storage) (livekit.StartEgressRequest).</summary>
public sealed class StartEgressRequest
{
    public string RoomName { get; set; } = "";

    [ProtoOptional]
    public TemplateSource? Template { get; set; }

    [ProtoOptional]
    public WebSource? Web { get; set; }

    [ProtoOptional]
    public MediaSource? Media { get; set; }

    [ProtoOptional]
    public EncodingOptionsPreset? Preset { get; set; }

    [ProtoOptional]
    public EncodingOptions? Advanced { get; set; }

    public List<Output> Outputs { get; set; } = [];

    public StorageConfig? Storage { get; set; }

    public List<WebhookConfig> Webhooks { get; set; } = [];
}
