using System.Text;
using System.Text.Json;

namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>
/// Mints LiveKit access tokens (HS256 JWT) with LiveKit's claim names: <c>iss</c> = API key,
/// <c>sub</c> = identity, <c>nbf</c>/<c>iat</c> = now and <c>exp</c> = now + TTL, all in Unix seconds.
/// </summary>
public sealed class AccessTokenBuilder(LiveKitCredentials credentials, TimeProvider time)
{
    /// <summary>LiveKit's own default lifetime for an access token.</summary>
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromHours(6);

    private readonly LiveKitCredentials _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));
    private TimeSpan _ttl = DefaultTtl;
    private string? _identity;
    private string? _name;
    private string? _metadata;
    private Dictionary<string, string>? _attributes;
    private string? _kind;
    private VideoGrant? _video;
    private SipGrant? _sip;
    private InferenceGrant? _inference;
    private ObservabilityGrant? _observability;
    private RoomConfiguration? _roomConfig;
    private string? _sha256;

    public AccessTokenBuilder WithIdentity(string identity) { _identity = identity; return this; }

    public AccessTokenBuilder WithName(string name) { _name = name; return this; }

    public AccessTokenBuilder WithMetadata(string metadata) { _metadata = metadata; return this; }

    public AccessTokenBuilder WithAttributes(IReadOnlyDictionary<string, string> attributes)
    {
        _attributes = new Dictionary<string, string>(attributes, StringComparer.Ordinal);
        return this;
    }

    /// <summary>Participant kind as LiveKit writes it in tokens: the lower-case name (<c>sip</c>, <c>agent</c>…).</summary>
    public AccessTokenBuilder WithKind(string kind) { _kind = kind; return this; }

    public AccessTokenBuilder WithKind(ParticipantKind kind) => WithKind(kind.ToString().ToLowerInvariant());

    public AccessTokenBuilder WithTtl(TimeSpan ttl)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ttl, TimeSpan.FromSeconds(1));
        _ttl = ttl;
        return this;
    }

    public AccessTokenBuilder WithVideoGrant(VideoGrant grant) { _video = grant; return this; }

    public AccessTokenBuilder WithSipGrant(SipGrant grant) { _sip = grant; return this; }
    public AccessTokenBuilder WithInferenceGrant(InferenceGrant grant) { _inference = grant; return this; }
    public AccessTokenBuilder WithObservabilityGrant(ObservabilityGrant grant) { _observability = grant; return this; }

    public AccessTokenBuilder WithRoomConfiguration(RoomConfiguration configuration) { _roomConfig = configuration; return this; }

    /// <summary>The webhook body hash claim: standard base64 (padded) of SHA-256 of the raw body.</summary>
    public AccessTokenBuilder WithSha256(string sha256Base64) { _sha256 = sha256Base64; return this; }

    /// <summary>Signs the token. A join grant needs an identity, as LiveKit's SDKs insist.</summary>
    public string ToJwt()
    {
        if (_video?.RoomJoin == true && string.IsNullOrEmpty(_identity))
        {
            throw new InvalidOperationException("A token with the roomJoin grant needs an identity.");
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var payload = new JwtClaimsPayload
        {
            Issuer = _credentials.ApiKey,
            Subject = string.IsNullOrEmpty(_identity) ? null : _identity,
            IssuedAt = now,
            NotBefore = now,
            ExpiresAt = now + (long)_ttl.TotalSeconds,
            Name = _name,
            Metadata = _metadata,
            Attributes = _attributes,
            Kind = _kind,
            Video = _video,
            Sip = _sip,
            Inference = _inference,
            Observability = _observability,
            RoomConfig = _roomConfig,
            Sha256 = _sha256,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(payload, AuthJsonContext.Default.JwtClaimsPayload);
        return HmacJwt.Sign(json, Encoding.UTF8.GetBytes(_credentials.ApiSecret));
    }
}
