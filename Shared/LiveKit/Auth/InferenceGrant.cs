using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>The <c>inference</c> claim: <c>perform</c> lets the holder use LiveKit Inference (hosted STT/LLM/TTS).</summary>
public sealed class InferenceGrant
{
    [JsonPropertyName("perform")] public bool? Perform { get; set; }
}
