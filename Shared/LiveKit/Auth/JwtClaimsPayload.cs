using System.Text.Json.Serialization;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>The JWT payload exactly as it is on the wire: LiveKit's claim names, times in Unix seconds.</summary>
internal sealed class JwtClaimsPayload
{
    [JsonPropertyName("iss")] public string? Issuer { get; set; }
    [JsonPropertyName("sub")] public string? Subject { get; set; }
    [JsonPropertyName("jti")] public string? JwtId { get; set; }
    [JsonPropertyName("exp")] public long? ExpiresAt { get; set; }
    [JsonPropertyName("nbf")] public long? NotBefore { get; set; }
    [JsonPropertyName("iat")] public long? IssuedAt { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("metadata")] public string? Metadata { get; set; }
    [JsonPropertyName("attributes")] public Dictionary<string, string>? Attributes { get; set; }
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    [JsonPropertyName("video")] public VideoGrant? Video { get; set; }
    [JsonPropertyName("sip")] public SipGrant? Sip { get; set; }
    [JsonPropertyName("inference")] public InferenceGrant? Inference { get; set; }
    [JsonPropertyName("observability")] public ObservabilityGrant? Observability { get; set; }
    [JsonPropertyName("roomConfig")] public RoomConfiguration? RoomConfig { get; set; }
    [JsonPropertyName("roomPreset")] public string? RoomPreset { get; set; }
    [JsonPropertyName("sha256")] public string? Sha256 { get; set; }

    public ClaimGrants ToClaimGrants() => new()
    {
        Identity = string.IsNullOrEmpty(Subject) ? JwtId : Subject,
        Name = Name,
        Metadata = Metadata,
        Attributes = Attributes,
        Kind = Kind,
        Video = Video,
        Sip = Sip,
        Inference = Inference,
        Observability = Observability,
        RoomConfig = RoomConfig,
        RoomPreset = RoomPreset,
        Sha256 = Sha256,
        Issuer = Issuer,
        ExpiresAt = FromSeconds(ExpiresAt),
        NotBefore = FromSeconds(NotBefore),
        IssuedAt = FromSeconds(IssuedAt),
    };

    private static DateTimeOffset? FromSeconds(long? seconds) =>
        seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
}
