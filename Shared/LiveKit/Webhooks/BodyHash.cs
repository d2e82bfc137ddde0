using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace VoiceFunctions.Shared.LiveKit.Webhooks;

/// <summary>
/// The webhook body hash LiveKit puts in the <c>sha256</c> claim: standard base64 (with '+', '/' and
/// '=' padding, not base64url) of SHA-256 over the raw body bytes.
/// </summary>
public static class BodyHash
{
    /// <summary>Length of the base64 text of a 32-byte hash.</summary>
    private const int EncodedLength = 44;

    public static string Compute(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return Convert.ToBase64String(hash);
    }

    /// <summary>Compares the body's hash to the claim in constant time (no early exit on the first difference).</summary>
    public static bool Matches(ReadOnlySpan<byte> body, string? claim)
    {
        if (claim is null || claim.Length != EncodedLength)
        {
            return false;
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        Span<char> expected = stackalloc char[EncodedLength];
        if (!Convert.TryToBase64Chars(hash, expected, out _))
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(claim.AsSpan()));
    }
}
