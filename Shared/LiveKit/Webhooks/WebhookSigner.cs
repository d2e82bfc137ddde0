using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Shared.LiveKit.Webhooks;

/// <summary>
/// Produces the Authorization value LiveKit sends with a webhook: a bare JWT (no "Bearer ") from the
/// API key, valid 5 minutes, whose <c>sha256</c> claim is the hash of the body. For tests and for
/// tools that exercise our webhook endpoint.
/// </summary>
public sealed class WebhookSigner(LiveKitCredentials credentials, TimeProvider time)
{
    /// <summary>LiveKit's webhook token lifetime.</summary>
    public static readonly TimeSpan TokenTtl = TimeSpan.FromMinutes(5);

    public string Sign(ReadOnlySpan<byte> body) =>
        new AccessTokenBuilder(credentials, time)
            .WithTtl(TokenTtl)
            .WithSha256(BodyHash.Compute(body))
            .ToJwt();
}
