using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>An agent LiveKit dispatches into the room when the token's holder creates it.</summary>
public sealed class RoomAgentDispatch
{
    [JsonPropertyName("agentName")] public string? AgentName { get; set; }
    [JsonPropertyName("metadata")] public string? Metadata { get; set; }

    /// <summary>Fields this type does not model (kept so a token round-trips without loss).</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? AdditionalFields { get; set; }
}
