using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.TrackType.</summary>
public enum TrackType
{
    [JsonStringEnumMemberName("AUDIO")]
    Audio = 0,
    [JsonStringEnumMemberName("VIDEO")]
    Video = 1,
    [JsonStringEnumMemberName("DATA")]
    Data = 2,
}
