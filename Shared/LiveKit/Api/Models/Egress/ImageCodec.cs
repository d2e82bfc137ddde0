using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An egress setting (livekit.ImageCodec).</summary>
public enum ImageCodec
{
    [JsonStringEnumMemberName("IC_DEFAULT")]
    Default = 0,
    [JsonStringEnumMemberName("IC_JPEG")]
    Jpeg = 1,
}
