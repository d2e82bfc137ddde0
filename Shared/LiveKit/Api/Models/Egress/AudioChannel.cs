using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An egress setting (livekit.AudioChannel).</summary>
public enum AudioChannel
{
    [JsonStringEnumMemberName("AUDIO_CHANNEL_BOTH")]
    Both = 0,
    [JsonStringEnumMemberName("AUDIO_CHANNEL_LEFT")]
    Left = 1,
    [JsonStringEnumMemberName("AUDIO_CHANNEL_RIGHT")]
    Right = 2,
}
