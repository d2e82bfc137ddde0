using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>
/// The <c>roomConfig</c> claim (protobuf JSON of LiveKit's RoomConfiguration): applied when the
/// token's holder creates the room; its <see cref="Agents"/> dispatch agents into the room.
/// Fields not modelled here (egress, newer additions) stay in <see cref="AdditionalFields"/>.
/// </summary>
public sealed class RoomConfiguration
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    /// <summary>Seconds an empty room stays open.</summary>
    [JsonPropertyName("emptyTimeout")] public uint? EmptyTimeout { get; set; }
    /// <summary>Seconds the room stays open after the last participant left.</summary>
    [JsonPropertyName("departureTimeout")] public uint? DepartureTimeout { get; set; }
    [JsonPropertyName("maxParticipants")] public uint? MaxParticipants { get; set; }
    [JsonPropertyName("metadata")] public string? Metadata { get; set; }
    [JsonPropertyName("minPlayoutDelay")] public uint? MinPlayoutDelay { get; set; }
    [JsonPropertyName("maxPlayoutDelay")] public uint? MaxPlayoutDelay { get; set; }
    [JsonPropertyName("syncStreams")] public bool? SyncStreams { get; set; }
    [JsonPropertyName("agents")] public IReadOnlyList<RoomAgentDispatch>? Agents { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalFields { get; set; }
}
