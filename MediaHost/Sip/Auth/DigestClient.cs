using System.Security.Cryptography;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Auth;

/// <summary>
/// The UAC side of digest: pick the strongest challenge we can answer (SHA-256 before MD5) from a 401/407 and
/// add the matching Authorization / Proxy-Authorization header to the retried request.
/// </summary>
public static class DigestClient
{
    /// <summary>Adds credentials for <paramref name="challengeResponse"/> to <paramref name="request"/>; false when no challenge is usable.</summary>
    public static bool TryAuthorize(SipMessage request, SipMessage challengeResponse, DigestCredentials credentials, out string? error)
    {
        error = null;
        var proxy = challengeResponse.StatusCode == 407;
        var challengeHeader = proxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate;
        DigestParameters? best = null;
        foreach (var value in challengeResponse.Headers.GetAll(challengeHeader))
        {
            if (!DigestParameters.TryParse(value, out var challenge) || !DigestAlgorithm.IsSupported(challenge.Algorithm))
            {
                continue;
            }
            if (best is null || challenge.Algorithm.Equals(DigestAlgorithm.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                best = challenge;
            }
        }
        if (best is null)
        {
            error = $"no usable Digest challenge (MD5 or SHA-256) in the {challengeResponse.StatusCode}";
            return false;
        }
        var uri = request.RequestUri!;
        var qop = best.OffersQopAuth ? "auth" : null;
        var nonceCount = qop is null ? null : "00000001";
        var clientNonce = qop is null ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var response = DigestAlgorithm.Response(best.Algorithm, credentials.Username, best.Realm, credentials.Password,
            request.Method!, uri, best.Nonce, qop, nonceCount, clientNonce);
        var header = $"Digest username=\"{credentials.Username}\", realm=\"{best.Realm}\", nonce=\"{best.Nonce}\", uri=\"{uri}\", " +
                     $"response=\"{response}\", algorithm={best.Algorithm}";
        if (qop is not null)
        {
            header += $", qop={qop}, nc={nonceCount}, cnonce=\"{clientNonce}\"";
        }
        if (best["opaque"] is { } opaque)
        {
            header += $", opaque=\"{opaque}\"";
        }
        request.Headers.Set(proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization, header);
        return true;
    }
}
