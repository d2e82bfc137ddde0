using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An egress setting (livekit.StreamInfo.Status).</summary>
public enum StreamInfoStatus
{
    [JsonStringEnumMemberName("ACTIVE")]
    Active = 0,
    [JsonStringEnumMemberName("FINISHED")]
    Finished = 1,
    [JsonStringEnumMemberName("FAILED")]
    Failed = 2,
}
