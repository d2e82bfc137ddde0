using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.EgressStatus.</summary>
public enum EgressStatus
{
    [JsonStringEnumMemberName("EGRESS_STARTING")]
    Starting = 0,
    [JsonStringEnumMemberName("EGRESS_ACTIVE")]
    Active = 1,
    [JsonStringEnumMemberName("EGRESS_ENDING")]
    Ending = 2,
    [JsonStringEnumMemberName("EGRESS_COMPLETE")]
    Complete = 3,
    [JsonStringEnumMemberName("EGRESS_FAILED")]
    Failed = 4,
    [JsonStringEnumMemberName("EGRESS_ABORTED")]
    Aborted = 5,
    [JsonStringEnumMemberName("EGRESS_LIMIT_REACHED")]
    LimitReached = 6,
}
