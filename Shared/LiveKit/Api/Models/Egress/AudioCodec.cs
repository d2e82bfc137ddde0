using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An egress setting (livekit.AudioCodec).</summary>
public enum AudioCodec
{
    [JsonStringEnumMemberName("DEFAULT_AC")]
    DefaultAc = 0,
    [JsonStringEnumMemberName("OPUS")]
    Opus = 1,
    [JsonStringEnumMemberName("AAC")]
    Aac = 2,
    [JsonStringEnumMemberName("AC_MP3")]
    AcMp3 = 3,
}
