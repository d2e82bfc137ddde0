namespace VoiceFunctions.MediaHost.Rtp.Srtp;

/// <summary>
/// An SDES crypto-suite (RFC 4568 section 6.2): AES counter mode with a 128-bit key and a 112-bit salt, HMAC-SHA1
/// authentication truncated to 80 or 32 bits for SRTP (SRTCP always carries the 80-bit tag).
/// </summary>
public sealed record SrtpSuite(string Name, int RtpTagLength)
{
    public const int KeyLength = 16;
    public const int SaltLength = 14;
    public const int AuthKeyLength = 20;
    public const int RtcpTagLength = 10;

    public static readonly SrtpSuite AesCm128HmacSha1_80 = new("AES_CM_128_HMAC_SHA1_80", 10);
    public static readonly SrtpSuite AesCm128HmacSha1_32 = new("AES_CM_128_HMAC_SHA1_32", 4);

    /// <summary>Our preference order when we offer: the stronger tag first.</summary>
    public static readonly IReadOnlyList<SrtpSuite> All = [AesCm128HmacSha1_80, AesCm128HmacSha1_32];

    public static SrtpSuite? Find(ReadOnlySpan<char> name)
    {
        foreach (var suite in All)
        {
            if (name.Equals(suite.Name, StringComparison.Ordinal))
            {
                return suite;
            }
        }
        return null;
    }

    public override string ToString() => Name;
}
