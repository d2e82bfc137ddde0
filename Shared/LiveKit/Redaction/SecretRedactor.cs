using System.Text.RegularExpressions;

namespace VoiceFunctions.Shared.Observability;

/// <summary>
/// Masks secrets in text before it is logged or exported: configured secret values wherever they appear,
/// Authorization/Proxy-Authorization header values (HTTP and SIP digest), bearer tokens, JWTs, key=value
/// credentials (passwords, secrets, tokens, account keys, SAS signatures, in text, URLs, connection strings and
/// JSON), API keys of the "sk-…" form, and — unless <see cref="RedactionOptions.IncludePhoneNumbers"/> — phone
/// numbers. Pure and thread-safe; returns the same string instance when nothing needed masking.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "<redacted>";
    public const string PhoneMask = "<redacted-phone>";
    public const string TokenMask = "<redacted-token>";

    private readonly string[] _knownSecrets;
    private readonly bool _maskPhoneNumbers;

    public SecretRedactor(RedactionOptions options, IEnumerable<string?>? knownSecrets = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _maskPhoneNumbers = !options.IncludePhoneNumbers;
        // Longest first, so a secret that contains another is masked whole.
        _knownSecrets = (knownSecrets ?? [])
            .Where(s => s is not null && s.Length >= options.MinimumKnownSecretLength)
            .Select(s => s!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>The redactor with default options and no known secret values (shape-based masking only).</summary>
    public static SecretRedactor Default { get; } = new(new RedactionOptions());

    /// <summary>Masks everything secret-shaped (tokens, credentials, Authorization values, phone numbers) in text
    /// that may reach a log or an exception message, such as a server's error text — for code that has no
    /// configured redactor at hand, as <see cref="Default"/>.<see cref="Redact"/> does, except that
    /// JWTs become <see cref="TokenMask"/>, so a message still says a token was there.</summary>
    public static string RedactTokens(string text) => Default.Redact(Jwt().Replace(text, TokenMask));

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = text;
        foreach (var secret in _knownSecrets)
        {
            if (result.Contains(secret, StringComparison.Ordinal))
            {
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }
        // Each pattern runs only when the text holds the character or word it cannot match without: most log
        // lines hold none of them, and a substring scan costs far less than a regex pass.
        var span = result.AsSpan();
        var hasSeparator = span.IndexOfAny(':', '=') >= 0;
        if (hasSeparator)
        {
            result = AuthorizationHeader().Replace(result, "${name}${sep}" + Mask);
        }
        if (span.Contains("earer ", StringComparison.OrdinalIgnoreCase) || span.Contains("asic ", StringComparison.OrdinalIgnoreCase))
        {
            result = BearerToken().Replace(result, "${scheme}" + Mask);
        }
        if (span.Contains("eyJ", StringComparison.Ordinal))
        {
            result = Jwt().Replace(result, Mask);
        }
        if (hasSeparator)
        {
            result = KeyValueCredential().Replace(result, "${key}${sep}${quote}" + Mask);
        }
        if (span.Contains("sk-", StringComparison.Ordinal))
        {
            result = ApiKey().Replace(result, Mask);
        }
        if (_maskPhoneNumbers)
        {
            if (hasSeparator)
            {
                result = UriPhoneUser().Replace(result, "${scheme}" + PhoneMask);
            }
            if (span.Contains('+'))
            {
                result = E164Number().Replace(result, PhoneMask);
            }
        }
        // Keep the original instance when nothing changed (no new string for the common clean line).
        return string.Equals(result, text, StringComparison.Ordinal) ? text : result;
    }

    // "Authorization: Digest username=…, response=…" and "Proxy-Authorization: …" (SIP and HTTP), to the end of line.
    [GeneratedRegex(@"(?<name>\b(?:Proxy-)?Authorization)(?<sep>""?\s*[:=]\s*)(?<value>[^\r\n]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?<scheme>\b(?:Bearer|Basic)\s+)(?!<redacted)[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    // A JWT: base64url header that starts with '{"' (eyJ), payload, signature.
    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    // name=value, name: value, "name":"value", ?name=value& — when the name ends in a credential word
    // (ApiSecret, Sip:AuthPassword, access_token…). The match starts at that word, so the regex engine can scan
    // for it directly; the rest of the name stays in the text untouched.
    [GeneratedRegex(@"(?<key>(?:password|passwd|pwd|secret|apikey|api_key|api-key|token|signingkey|signing_key|accountkey|sharedaccesskey|sharedaccesssignature|sig|credential)s?""?)(?<sep>\s*[:=]\s*)(?<quote>""?)(?!<redacted)(?<value>[^\s""';,&]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValueCredential();

    // OpenAI-style API keys that travel without a name ("sk-…", "sk-proj-…").
    [GeneratedRegex(@"\bsk-[A-Za-z0-9_-]{16,}", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKey();

    // The user part of sip:/sips:/tel: URIs when it is a number: sip:+79123456789@host, tel:+79123456789.
    [GeneratedRegex(@"(?<scheme>\b(?:sips?|tel):)\+?\d[\d\-.()]{4,20}\d(?=[@;>?\s""']|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UriPhoneUser();

    // E.164 numbers written with a leading '+', optionally grouped: +79123456789, +7 912 345-67-89, +1 (555) 010-9999.
    [GeneratedRegex(@"(?<![\w+])\+\d(?:[ \-()]{0,2}\d){6,14}\b", RegexOptions.CultureInvariant)]
    private static partial Regex E164Number();
}
