using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An egress setting (livekit.EgressSourceType).</summary>
public enum EgressSourceType
{
    [JsonStringEnumMemberName("EGRESS_SOURCE_TYPE_WEB")]
    Web = 0,
    [JsonStringEnumMemberName("EGRESS_SOURCE_TYPE_SDK")]
    Sdk = 1,
}
