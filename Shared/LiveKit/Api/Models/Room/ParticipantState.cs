using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.ParticipantInfo.State.</summary>
public enum ParticipantState
{
    [JsonStringEnumMemberName("JOINING")]
    Joining = 0,
    [JsonStringEnumMemberName("JOINED")]
    Joined = 1,
    [JsonStringEnumMemberName("ACTIVE")]
    Active = 2,
    [JsonStringEnumMemberName("DISCONNECTED")]
    Disconnected = 3,
}
