using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An egress setting (livekit.StreamProtocol).</summary>
public enum StreamProtocol
{
    [JsonStringEnumMemberName("DEFAULT_PROTOCOL")]
    DefaultProtocol = 0,
    [JsonStringEnumMemberName("RTMP")]
    Rtmp = 1,
    [JsonStringEnumMemberName("SRT")]
    Srt = 2,
    [JsonStringEnumMemberName("WEBSOCKET")]
    Websocket = 3,
}
