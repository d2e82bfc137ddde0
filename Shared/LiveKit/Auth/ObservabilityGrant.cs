using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>The <c>observability</c> claim: <c>write</c> lets the holder publish observability data (agent traces, metrics).</summary>
public sealed class ObservabilityGrant
{
    [JsonPropertyName("write")] public bool? Write { get; set; }
}
