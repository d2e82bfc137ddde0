using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An egress setting (livekit.VideoCodec).</summary>
public enum VideoCodec
{
    [JsonStringEnumMemberName("DEFAULT_VC")]
    DefaultVc = 0,
    [JsonStringEnumMemberName("H264_BASELINE")]
    H264Baseline = 1,
    [JsonStringEnumMemberName("H264_MAIN")]
    H264Main = 2,
    [JsonStringEnumMemberName("H264_HIGH")]
    H264High = 3,
    [JsonStringEnumMemberName("VP8")]
    Vp8 = 4,
}
