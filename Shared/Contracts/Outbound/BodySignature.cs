using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VoiceFunctions.Shared.Outbound;

/// <summary>
/// The signature on the requests we send to someone else's HTTP endpoint (the post-call report to the customer, the
/// dial command to the MediaHost): header <see cref="HeaderName"/> = "t=&lt;unix seconds&gt;,kid=&lt;key id&gt;,v1=&lt;hex&gt;", where
/// v1 is HMAC-SHA256 with the shared secret over the ASCII text "&lt;t&gt;." followed by the exact body bytes. The receiver
/// recomputes it, compares in constant time and refuses a timestamp outside its tolerance (a replayed request).
/// docs/outbound.md gives the procedure with openssl.
/// </summary>
public static class BodySignature
{
    public const string HeaderName = "X-VoiceFunctions-Signature";

    /// <summary>How far a signed timestamp may be from the receiver's clock by default.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Sign(ReadOnlySpan<byte> body, string keyId, ReadOnlySpan<byte> secret, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        if (keyId.Contains(',') || keyId.Contains('='))
        {
            throw new ArgumentException("a key id may not contain ',' or '='", nameof(keyId));
        }
        var timestamp = at.ToUnixTimeSeconds();
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},kid={keyId},v1={Convert.ToHexStringLower(Mac(timestamp, body, secret))}";
    }

    /// <summary>Checks <paramref name="header"/> against <paramref name="body"/>; <paramref name="secretFor"/> gives a key id's secret (null: unknown).</summary>
    public static SignatureVerdict Verify(string? header, ReadOnlySpan<byte> body, Func<string, byte[]?> secretFor, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return SignatureVerdict.Missing;
        }
        if (!TryParse(header, out var timestamp, out var keyId, out var presented))
        {
            return SignatureVerdict.Malformed;
        }
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > (tolerance ?? DefaultTolerance).TotalSeconds)
        {
            return SignatureVerdict.Stale;
        }
        if (secretFor(keyId) is not { } secret)
        {
            return SignatureVerdict.UnknownKey;
        }
        return CryptographicOperations.FixedTimeEquals(presented, Mac(timestamp, body, secret)) ? SignatureVerdict.Valid : SignatureVerdict.Mismatch;
    }

    private static byte[] Mac(long timestamp, ReadOnlySpan<byte> body, ReadOnlySpan<byte> secret)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryParse(string header, out long timestamp, out string keyId, out byte[] mac)
    {
        timestamp = 0;
        keyId = "";
        mac = [];
        var haveTime = false;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }
            var (name, value) = (part[..eq], part[(eq + 1)..]);
            switch (name)
            {
                case "t":
                    haveTime = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
                    break;
                case "kid":
                    keyId = value;
                    break;
                case "v1" when value.Length == 64:
                    try
                    {
                        mac = Convert.FromHexString(value);
                    }
                    catch (FormatException)
                    {
                        return false;
                    }
                    break;
            }
        }
        return haveTime && keyId.Length > 0 && mac.Length == 32;
    }
}
