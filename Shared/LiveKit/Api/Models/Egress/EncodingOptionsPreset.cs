using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.EncodingOptionsPreset.</summary>
public enum EncodingOptionsPreset
{
    [JsonStringEnumMemberName("H264_720P_30")]
    H264720p30 = 0,
    [JsonStringEnumMemberName("H264_720P_60")]
    H264720p60 = 1,
    [JsonStringEnumMemberName("H264_1080P_30")]
    H2641080p30 = 2,
    [JsonStringEnumMemberName("H264_1080P_60")]
    H2641080p60 = 3,
    [JsonStringEnumMemberName("PORTRAIT_H264_720P_30")]
    PortraitH264720p30 = 4,
    [JsonStringEnumMemberName("PORTRAIT_H264_720P_60")]
    PortraitH264720p60 = 5,
    [JsonStringEnumMemberName("PORTRAIT_H264_1080P_30")]
    PortraitH2641080p30 = 6,
    [JsonStringEnumMemberName("PORTRAIT_H264_1080P_60")]
    PortraitH2641080p60 = 7,
    /// <summary>No re-encoding: the tracks' own codecs are written as they are.</summary>
    [JsonStringEnumMemberName("PASSTHROUGH")]
    Passthrough = 8,
}
