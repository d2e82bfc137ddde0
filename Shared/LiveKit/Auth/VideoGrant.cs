using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>
/// The <c>video</c> claim of a LiveKit token. Every property is tri-state: null means "absent",
/// which the server reads with its own defaults (see the Effective* helpers), so absent is not false.
/// </summary>
public sealed class VideoGrant
{
    /// <summary>Track sources as LiveKit writes them in <see cref="CanPublishSources"/>.</summary>
    public static class Sources
    {
        public const string Camera = "camera";
        public const string Microphone = "microphone";
        public const string ScreenShare = "screen_share";
        public const string ScreenShareAudio = "screen_share_audio";
    }

    [JsonPropertyName("roomCreate")] public bool? RoomCreate { get; set; }
    [JsonPropertyName("roomList")] public bool? RoomList { get; set; }
    [JsonPropertyName("roomRecord")] public bool? RoomRecord { get; set; }
    [JsonPropertyName("roomAdmin")] public bool? RoomAdmin { get; set; }
    [JsonPropertyName("roomJoin")] public bool? RoomJoin { get; set; }
    [JsonPropertyName("room")] public string? Room { get; set; }
    [JsonPropertyName("canPublish")] public bool? CanPublish { get; set; }
    [JsonPropertyName("canSubscribe")] public bool? CanSubscribe { get; set; }
    [JsonPropertyName("canPublishData")] public bool? CanPublishData { get; set; }
    /// <summary>Lower-case source names (<see cref="Sources"/>); when non-empty only these may be published.</summary>
    [JsonPropertyName("canPublishSources")] public IReadOnlyList<string>? CanPublishSources { get; set; }
    [JsonPropertyName("canUpdateOwnMetadata")] public bool? CanUpdateOwnMetadata { get; set; }
    [JsonPropertyName("ingressAdmin")] public bool? IngressAdmin { get; set; }
    [JsonPropertyName("hidden")] public bool? Hidden { get; set; }
    [JsonPropertyName("recorder")] public bool? Recorder { get; set; }
    [JsonPropertyName("agent")] public bool? Agent { get; set; }
    [JsonPropertyName("canSubscribeMetrics")] public bool? CanSubscribeMetrics { get; set; }
    [JsonPropertyName("canManageAgentSession")] public bool? CanManageAgentSession { get; set; }
    [JsonPropertyName("destinationRoom")] public string? DestinationRoom { get; set; }

    /// <summary>The server lets a participant publish unless the grant says <c>canPublish:false</c>.</summary>
    [JsonIgnore] public bool EffectiveCanPublish => CanPublish ?? true;

    /// <summary>The server lets a participant subscribe unless the grant says <c>canSubscribe:false</c>.</summary>
    [JsonIgnore] public bool EffectiveCanSubscribe => CanSubscribe ?? true;

    /// <summary>When absent, the server gives data publishing the same value as <see cref="EffectiveCanPublish"/>.</summary>
    [JsonIgnore] public bool EffectiveCanPublishData => CanPublishData ?? EffectiveCanPublish;
}
