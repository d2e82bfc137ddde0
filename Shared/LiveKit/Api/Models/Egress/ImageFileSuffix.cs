using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An egress setting (livekit.ImageFileSuffix).</summary>
public enum ImageFileSuffix
{
    [JsonStringEnumMemberName("IMAGE_SUFFIX_INDEX")]
    Index = 0,
    [JsonStringEnumMemberName("IMAGE_SUFFIX_TIMESTAMP")]
    Timestamp = 1,
    [JsonStringEnumMemberName("IMAGE_SUFFIX_NONE_OVERWRITE")]
    NoneOverwrite = 2,
}
