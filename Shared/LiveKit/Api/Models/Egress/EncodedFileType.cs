using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.EncodedFileType.</summary>
public enum EncodedFileType
{
    [JsonStringEnumMemberName("DEFAULT_FILETYPE")]
    Default = 0,
    [JsonStringEnumMemberName("MP4")]
    Mp4 = 1,
    [JsonStringEnumMemberName("OGG")]
    Ogg = 2,
    [JsonStringEnumMemberName("MP3")]
    Mp3 = 3,
}
