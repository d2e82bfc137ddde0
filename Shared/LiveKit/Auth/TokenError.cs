namespace VoiceFunctions.Shared.LiveKit.Auth;

/// <summary>Why a token was refused. Each reason is distinct so callers can log and map it precisely.</summary>
public enum TokenError
{
    /// <summary>Not three base64url segments, or a header/payload that is not a JSON object of the right shape.</summary>
    Malformed,
    /// <summary>Any algorithm but HS256, including <c>none</c>.</summary>
    UnsupportedAlgorithm,
    /// <summary>The issuer (<c>iss</c>) is missing or is not one of the configured API keys.</summary>
    UnknownApiKey,
    /// <summary>The HMAC does not match the secret of the issuer's key.</summary>
    BadSignature,
    /// <summary><c>exp</c> is in the past, beyond the leeway.</summary>
    Expired,
    /// <summary><c>nbf</c> is in the future, beyond the leeway.</summary>
    NotYetValid,
    /// <summary>The token has no <c>exp</c>; LiveKit refuses tokens that never expire.</summary>
    MissingExpiry,
}
