using System.Security.Cryptography;
using System.Text;

namespace VoiceFunctions.MediaHost.Sip.Auth;

/// <summary>
/// Digest computations of RFC 2617 / RFC 7616 / RFC 8760 for qop=auth (or no qop): HA1 = H(user:realm:password),
/// HA2 = H(method:uri), response = H(HA1:nonce:nc:cnonce:qop:HA2). H is MD5 or SHA-256, as lower-case hex.
/// </summary>
public static class DigestAlgorithm
{
    public const string Md5 = "MD5";
    public const string Sha256 = "SHA-256";

    public static bool IsSupported(string algorithm) =>
        algorithm.Equals(Md5, StringComparison.OrdinalIgnoreCase) || algorithm.Equals(Sha256, StringComparison.OrdinalIgnoreCase);

    public static string Response(string algorithm, string username, string realm, string password, string method, string uri,
        string nonce, string? qop, string? nonceCount, string? clientNonce)
    {
        var ha1 = Hash(algorithm, $"{username}:{realm}:{password}");
        var ha2 = Hash(algorithm, $"{method}:{uri}");
        return qop is null
            ? Hash(algorithm, $"{ha1}:{nonce}:{ha2}")
            : Hash(algorithm, $"{ha1}:{nonce}:{nonceCount}:{clientNonce}:{qop}:{ha2}");
    }

    public static string Hash(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var digest = algorithm.Equals(Sha256, StringComparison.OrdinalIgnoreCase) ? SHA256.HashData(bytes) : MD5.HashData(bytes);
        return Convert.ToHexStringLower(digest);
    }
}
