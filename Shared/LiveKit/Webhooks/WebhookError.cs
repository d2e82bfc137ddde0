namespace VoiceFunctions.Shared.LiveKit.Webhooks;

/// <summary>Why a webhook delivery was refused; <see cref="WebhookErrorHttpStatus"/> maps each to 401, 400 or 413.</summary>
public enum WebhookError
{
    /// <summary>No Authorization header, or an empty one (401).</summary>
    MissingAuthorization,
    /// <summary>The Authorization JWT is malformed, not HS256, or its signature does not verify (401).</summary>
    InvalidSignature,
    /// <summary>The JWT's issuer is not one of our API keys (401).</summary>
    UnknownApiKey,
    /// <summary>The JWT has expired, is not yet valid, or has no expiry (401).</summary>
    Expired,
    /// <summary>The JWT's sha256 claim is missing or differs from the hash of the body received (401).</summary>
    HashMismatch,
    /// <summary>The body is larger than the configured limit (413).</summary>
    BodyTooLarge,
    /// <summary>The body is not JSON (400).</summary>
    NotJson,
    /// <summary>The body is JSON but not a webhook event: not an object, no event name, a known field of the wrong type (400).</summary>
    WrongShape,
}
