using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An egress setting (livekit.SegmentedFileSuffix).</summary>
public enum SegmentedFileSuffix
{
    [JsonStringEnumMemberName("INDEX")]
    Index = 0,
    [JsonStringEnumMemberName("TIMESTAMP")]
    Timestamp = 1,
}
