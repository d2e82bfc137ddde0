using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>Source-generated JSON for token payloads: nulls are left out, as LiveKit's own minters do.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(JwtClaimsPayload))]
[JsonSerializable(typeof(VideoGrant))]
[JsonSerializable(typeof(SipGrant))]
[JsonSerializable(typeof(InferenceGrant))]
[JsonSerializable(typeof(ObservabilityGrant))]
[JsonSerializable(typeof(RoomConfiguration))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class AuthJsonContext : JsonSerializerContext;
