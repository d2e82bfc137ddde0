using VoiceFunctions.Shared.LiveKit.Api.Json;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>Egress.StartTrackEgress: export one track to a file, or (audio) as raw PCM over a WebSocket. Set exactly one of File or WebsocketUrl.</summary>
public sealed class TrackEgressRequest
{
    public string RoomName { get; set; } = "";

    public string TrackId { get; set; } = "";

    [ProtoOptional]
    public DirectFileOutput? File { get; set; }

    /// <summary>Binary frames of pcm_s16le audio; text frames carry events.</summary>
    [ProtoOptional]
    public string? WebsocketUrl { get; set; }

    public List<WebhookConfig> Webhooks { get; set; } = [];
}
