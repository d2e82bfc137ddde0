using System.Globalization;
using System.Security.Cryptography;

namespace VoiceFunctions.MediaHost.Rtp.Srtp;

/// <summary>
/// One SDES crypto attribute (RFC 4568): "a=crypto:&lt;tag&gt; &lt;suite&gt; inline:&lt;base64 key||salt&gt;[|lifetime][|MKI:length]".
/// The key material is a secret: <see cref="ToString"/> never shows it, and only <see cref="ToAttributeValue"/> (for the
/// SDP we send, which travels over TLS) writes it out.
/// </summary>
public sealed class SdesCrypto
{
    private SdesCrypto(int tag, SrtpSuite suite, byte[] masterKey, byte[] masterSalt)
    {
        Tag = tag;
        Suite = suite;
        MasterKey = masterKey;
        MasterSalt = masterSalt;
    }

    public int Tag { get; }

    public SrtpSuite Suite { get; }

    public ReadOnlyMemory<byte> MasterKey { get; }

    public ReadOnlyMemory<byte> MasterSalt { get; }

    /// <summary>A fresh random master key and salt for <paramref name="suite"/> (RFC 4568 section 6.1: a new key per offer/answer).</summary>
    public static SdesCrypto Generate(int tag, SrtpSuite suite) =>
        new(tag, suite, RandomNumberGenerator.GetBytes(SrtpSuite.KeyLength), RandomNumberGenerator.GetBytes(SrtpSuite.SaltLength));

    /// <summary>
    /// Reads the value of an a=crypto attribute (after "crypto:"). Unknown suites, session parameters, several keys or
    /// an MKI are refused with a reason (we use one key per direction and no MKI); the reason never contains the key.
    /// </summary>
    public static bool TryParse(string value, out SdesCrypto crypto, out string? error)
    {
        crypto = null!;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var tag) || tag > 999_999_999)
        {
            error = "malformed crypto attribute: expected 'tag suite inline:key'";
            return false;
        }
        var suite = SrtpSuite.Find(parts[1]);
        if (suite is null)
        {
            error = $"unsupported crypto-suite '{parts[1]}'";
            return false;
        }
        if (parts.Length > 3)
        {
            error = "crypto session parameters are not supported";
            return false;
        }
        var keyParams = parts[2];
        if (keyParams.Contains(';', StringComparison.Ordinal))
        {
            error = "several master keys in one crypto attribute are not supported";
            return false;
        }
        if (!keyParams.StartsWith("inline:", StringComparison.Ordinal))
        {
            error = "the crypto key method must be inline";
            return false;
        }
        var fields = keyParams["inline:".Length..].Split('|');
        if (fields.Length > 2 && fields[2].Length > 0 || fields.Length == 2 && fields[1].Contains(':', StringComparison.Ordinal))
        {
            error = "an MKI is not supported";
            return false;
        }
        var material = new byte[SrtpSuite.KeyLength + SrtpSuite.SaltLength + 2];
        if (!Convert.TryFromBase64String(fields[0], material, out var written) || written != SrtpSuite.KeyLength + SrtpSuite.SaltLength)
        {
            error = "the inline key is not 30 bytes of base64";
            return false;
        }
        crypto = new SdesCrypto(tag, suite, material[..SrtpSuite.KeyLength], material[SrtpSuite.KeyLength..written]);
        CryptographicOperations.ZeroMemory(material);
        error = null;
        return true;
    }

    /// <summary>The attribute value to send: "tag suite inline:key||salt".</summary>
    public string ToAttributeValue()
    {
        Span<byte> material = stackalloc byte[SrtpSuite.KeyLength + SrtpSuite.SaltLength];
        MasterKey.Span.CopyTo(material);
        MasterSalt.Span.CopyTo(material[SrtpSuite.KeyLength..]);
        var text = $"{Tag.ToString(CultureInfo.InvariantCulture)} {Suite.Name} inline:{Convert.ToBase64String(material)}";
        CryptographicOperations.ZeroMemory(material);
        return text;
    }

    public SrtpSender CreateSender() => new(Suite, MasterKey.Span, MasterSalt.Span);

    public SrtpReceiver CreateReceiver() => new(Suite, MasterKey.Span, MasterSalt.Span);

    /// <summary>The tag and suite only: the key never reaches a log.</summary>
    public override string ToString() => $"{Tag} {Suite.Name} inline:<redacted>";
}
