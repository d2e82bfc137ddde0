using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.IngressInput.</summary>
public enum IngressInput
{
    [JsonStringEnumMemberName("RTMP_INPUT")]
    Rtmp = 0,
    [JsonStringEnumMemberName("WHIP_INPUT")]
    Whip = 1,
    [JsonStringEnumMemberName("URL_INPUT")]
    Url = 2,
}
