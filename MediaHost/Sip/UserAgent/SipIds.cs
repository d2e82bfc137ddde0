using System.Security.Cryptography;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Random identifiers: branches (with the RFC 3261 cookie), tags and Call-IDs. Unguessable, so no spoofed CANCEL/BYE.</summary>
public static class SipIds
{
    public static string Branch() => "z9hG4bK" + Random(10);

    public static string Tag() => Random(8);

    public static string CallId(string host) => Random(16) + "@" + host;

    private static string Random(int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
