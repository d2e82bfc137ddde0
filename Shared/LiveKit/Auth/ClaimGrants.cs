namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>
/// What a LiveKit token grants and says about its holder. The builder writes these claims; the
/// verifier returns them, with the registered claims (issuer, times) filled in.
/// </summary>
public sealed class ClaimGrants
{
    /// <summary>Participant identity (the JWT <c>sub</c>; LiveKit falls back to <c>jti</c> when it is absent).</summary>
    public string? Identity { get; init; }
    public string? Name { get; init; }
    public string? Metadata { get; init; }
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
    /// <summary>Lower-case participant kind as written in the token (<c>sip</c>, <c>agent</c>…).</summary>
    public string? Kind { get; init; }
    public VideoGrant? Video { get; init; }
    public SipGrant? Sip { get; init; }
    public InferenceGrant? Inference { get; init; }
    public ObservabilityGrant? Observability { get; init; }
    public RoomConfiguration? RoomConfig { get; init; }
    public string? RoomPreset { get; init; }
    /// <summary>Webhook tokens: standard base64 (padded) of the SHA-256 of the request body.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The API key that signed the token (<c>iss</c>).</summary>
    public string? Issuer { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? IssuedAt { get; init; }
}
