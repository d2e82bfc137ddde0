using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Auth;

/// <summary>
/// The parameters of a Digest challenge or credentials header: 'Digest realm="x", nonce="y", qop="auth"...'
/// (comma-separated, values quoted or tokens). Names compare case-insensitively.
/// </summary>
public sealed class DigestParameters
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    public string Realm => this["realm"] ?? "";

    public string Nonce => this["nonce"] ?? "";

    /// <summary>The algorithm, "MD5" when absent (RFC 2617).</summary>
    public string Algorithm => this["algorithm"] ?? "MD5";

    public static bool TryParse(string? header, out DigestParameters parameters)
    {
        parameters = new DigestParameters();
        if (header is null)
        {
            return false;
        }
        var text = header.Trim();
        if (!text.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var i = 7;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || SipSyntax.IsWhitespace(text[i])))
            {
                i++;
            }
            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',')
            {
                i++;
            }
            var name = text[nameStart..i].Trim();
            if (i >= text.Length || text[i] != '=')
            {
                if (name.Length > 0)
                {
                    return false;
                }
                break;
            }
            i++;
            while (i < text.Length && SipSyntax.IsWhitespace(text[i]))
            {
                i++;
            }
            string value;
            if (i < text.Length && text[i] == '"')
            {
                i = SipSyntax.ReadQuoted(text, i, out value);
                if (i < 0)
                {
                    return false;
                }
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && text[i] != ',')
                {
                    i++;
                }
                value = text[valueStart..i].Trim();
            }
            if (name.Length == 0)
            {
                return false;
            }
            parameters._values[name] = value;
        }
        return parameters._values.Count > 0;
    }

    /// <summary>True when a qop list ("auth,auth-int") offers plain "auth".</summary>
    public bool OffersQopAuth => this["qop"]?.Split(',').Any(q => q.Trim().Equals("auth", StringComparison.OrdinalIgnoreCase)) == true;
}
