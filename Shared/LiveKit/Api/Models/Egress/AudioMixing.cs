using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.AudioMixing.</summary>
public enum AudioMixing
{
    [JsonStringEnumMemberName("DEFAULT_MIXING")]
    Default = 0,
    [JsonStringEnumMemberName("DUAL_CHANNEL_AGENT")]
    DualChannelAgent = 1,
    [JsonStringEnumMemberName("DUAL_CHANNEL_ALTERNATE")]
    DualChannelAlternate = 2,
}
