using System.Text.RegularExpressions;

namespace VoiceFunctions.Shared.Observability;

/// <summary>
/// Removes token-shaped text from strings that may reach a log or an exception message (server error
/// texts, echoed headers). A JWT is three base64url segments joined by dots, the first starting "eyJ".
/// </summary>
public static partial class SecretRedactor
{
    public const string Placeholder = "<redacted-token>";

    public static string RedactTokens(string text) => JwtPattern().Replace(text, Placeholder);

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex JwtPattern();
}
