using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Auth;

/// <summary>
/// The UAS side of digest: challenges carry a stateless nonce (issue time + HMAC under a per-process key, so
/// nothing is stored per challenge and forged or stale nonces are recognised), SHA-256 offered before MD5.
/// </summary>
public sealed class DigestServer(string realm, Func<string, string?> passwordFor, TimeProvider time, TimeSpan? nonceLifetime = null)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeSpan _lifetime = nonceLifetime ?? TimeSpan.FromMinutes(5);

    public string Realm => realm;

    /// <summary>The two challenge header values, strongest first (RFC 8760 section 2.4).</summary>
    public IReadOnlyList<string> Challenges(bool stale = false)
    {
        var nonce = NewNonce();
        var staleText = stale ? ", stale=true" : "";
        return
        [
            $"Digest realm=\"{realm}\", nonce=\"{nonce}\", algorithm=SHA-256, qop=\"auth\"{staleText}",
            $"Digest realm=\"{realm}\", nonce=\"{nonce}\", algorithm=MD5, qop=\"auth\"{staleText}",
        ];
    }

    /// <summary>Checks the request's credentials (Authorization, or Proxy-Authorization when <paramref name="proxy"/>).</summary>
    public DigestVerdict Verify(SipMessage request, bool proxy = false)
    {
        var header = request.Headers.Get(proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization);
        if (header is null)
        {
            return DigestVerdict.Missing;
        }
        if (!DigestParameters.TryParse(header, out var credentials) || !DigestAlgorithm.IsSupported(credentials.Algorithm)
            || credentials["username"] is not { } username || credentials["response"] is not { } response || credentials["uri"] is not { } uri)
        {
            return DigestVerdict.Invalid;
        }
        if (credentials.Realm != realm)
        {
            return DigestVerdict.Invalid;
        }
        var nonceState = CheckNonce(credentials.Nonce);
        if (nonceState == DigestVerdict.Invalid)
        {
            return DigestVerdict.Invalid;
        }
        if (passwordFor(username) is not { } password)
        {
            return DigestVerdict.Invalid;
        }
        var qop = credentials["qop"];
        if (qop is not null && !qop.Equals("auth", StringComparison.OrdinalIgnoreCase))
        {
            return DigestVerdict.Invalid;
        }
        var expected = DigestAlgorithm.Response(credentials.Algorithm, username, realm, password, request.Method!, uri,
            credentials.Nonce, qop, credentials["nc"], credentials["cnonce"]);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(response.ToLowerInvariant())))
        {
            return DigestVerdict.Invalid;
        }
        // Right password on an expired nonce: ask again with stale=true rather than count a failure.
        return nonceState;
    }

    private string NewNonce()
    {
        Span<byte> nonce = stackalloc byte[8 + 16];
        BinaryPrimitives.WriteInt64BigEndian(nonce, time.GetUtcNow().ToUnixTimeMilliseconds());
        HMACSHA256.HashData(_key, nonce[..8])[..16].CopyTo(nonce[8..]);
        return Convert.ToBase64String(nonce);
    }

    private DigestVerdict CheckNonce(string nonce)
    {
        Span<byte> bytes = stackalloc byte[24];
        if (!Convert.TryFromBase64String(nonce, bytes, out var written) || written != 24)
        {
            return DigestVerdict.Invalid;
        }
        var mac = HMACSHA256.HashData(_key, bytes[..8])[..16];
        if (!CryptographicOperations.FixedTimeEquals(mac, bytes[8..]))
        {
            return DigestVerdict.Invalid;
        }
        var issued = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
        return time.GetUtcNow() - issued > _lifetime ? DigestVerdict.Stale : DigestVerdict.Valid;
    }
}
