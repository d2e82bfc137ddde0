using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An egress setting (livekit.SegmentedFileProtocol).</summary>
public enum SegmentedFileProtocol
{
    [JsonStringEnumMemberName("DEFAULT_SEGMENTED_FILE_PROTOCOL")]
    DefaultSegmentedFileProtocol = 0,
    [JsonStringEnumMemberName("HLS_PROTOCOL")]
    HlsProtocol = 1,
}
