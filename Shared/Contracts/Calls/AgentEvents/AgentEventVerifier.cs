using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Shared.Calls.AgentEvents;

/// <summary>
/// Checks that an agent event was signed by the MediaHost: the same scheme as LiveKit webhooks (a
/// JWT over the body's SHA-256), with the agent-events key, which is not the LiveKit API secret.
/// </summary>
public sealed class AgentEventVerifier(TokenVerifier verifier, int maxBodyBytes = AgentEventVerifier.DefaultMaxBodyBytes)
{
    public const int DefaultMaxBodyBytes = 256 * 1024;

    public int MaxBodyBytes { get; } = maxBodyBytes;

    /// <returns>Null when the request is authentic, else the refusal (status 401 or 413 and why).</returns>
    public (int Status, string Reason)? Verify(ReadOnlySpan<byte> body, string? authorization)
    {
        if (body.Length > MaxBodyBytes)
        {
            return (413, $"the body is over the limit of {MaxBodyBytes} bytes");
        }
        var jwt = authorization?.Trim();
        if (jwt is not null && jwt.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            jwt = jwt["Bearer ".Length..].Trim();
        }
        if (string.IsNullOrEmpty(jwt))
        {
            return (401, "the Authorization header is missing or empty");
        }
        var token = verifier.Verify(jwt);
        if (!token.IsValid)
        {
            return (401, "authorization: " + token.Message);
        }
        if (!BodyHash.Matches(body, token.Claims.Sha256))
        {
            return (401, "the sha256 claim does not match the SHA-256 of the body received");
        }
        return null;
    }
}
