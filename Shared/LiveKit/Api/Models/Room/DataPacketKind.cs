using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.DataPacket.Kind.</summary>
public enum DataPacketKind
{
    [JsonStringEnumMemberName("RELIABLE")]
    Reliable = 0,
    [JsonStringEnumMemberName("LOSSY")]
    Lossy = 1,
}
