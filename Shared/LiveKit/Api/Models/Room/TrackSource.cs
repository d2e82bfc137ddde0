using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.TrackSource.</summary>
public enum TrackSource
{
    [JsonStringEnumMemberName("UNKNOWN")]
    Unknown = 0,
    [JsonStringEnumMemberName("CAMERA")]
    Camera = 1,
    [JsonStringEnumMemberName("MICROPHONE")]
    Microphone = 2,
    [JsonStringEnumMemberName("SCREEN_SHARE")]
    ScreenShare = 3,
    [JsonStringEnumMemberName("SCREEN_SHARE_AUDIO")]
    ScreenShareAudio = 4,
}
