namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// A From/To/Contact/Route/Refer-To value: optional display name, the URI, and header parameters (tag, expires).
/// Accepts both name-addr ("Name" &lt;sip:x&gt;;tag=1) and addr-spec (sip:x;tag=1, where parameters belong to the header).
/// </summary>
public sealed class SipNameAddress
{
    public string? DisplayName { get; init; }

    /// <summary>The URI text exactly as it appeared between the brackets (or as the addr-spec).</summary>
    public required string UriText { get; init; }

    public SipParameters Parameters { get; init; } = new();

    public SipUri? Uri => SipUri.TryParse(UriText, out var uri) ? uri : null;

    public string? Tag => Parameters.Get("tag");

    public static bool TryParse(string? value, out SipNameAddress address)
    {
        address = null!;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var text = value.Trim();
        string? display = null;
        var i = 0;
        if (text[0] == '"')
        {
            i = SipSyntax.ReadQuoted(text, 0, out var quoted);
            if (i < 0)
            {
                return false;
            }
            display = quoted;
            while (i < text.Length && SipSyntax.IsWhitespace(text[i]))
            {
                i++;
            }
            if (i >= text.Length || text[i] != '<')
            {
                return false;
            }
        }
        var open = text.IndexOf('<', i);
        string uriText;
        string paramText;
        if (open >= 0)
        {
            var close = text.IndexOf('>', open);
            if (close < 0)
            {
                return false;
            }
            if (display is null && open > 0)
            {
                var token = text.AsSpan(0, open).Trim();
                display = token.IsEmpty ? null : token.ToString();
            }
            uriText = text[(open + 1)..close].Trim();
            var after = text.AsSpan(close + 1).Trim();
            if (!after.IsEmpty && after[0] != ';')
            {
                return false;
            }
            paramText = after.IsEmpty ? "" : after[1..].ToString();
        }
        else
        {
            var semi = text.IndexOf(';');
            uriText = semi < 0 ? text : text[..semi].Trim();
            paramText = semi < 0 ? "" : text[(semi + 1)..];
            if (uriText.AsSpan().IndexOfAny(" \t,?") >= 0)
            {
                return false;
            }
        }
        if (uriText.Length == 0 || uriText.IndexOf(':') <= 0 || !SipParameters.TryParse(paramText, out var parameters))
        {
            return false;
        }
        address = new SipNameAddress { DisplayName = display, UriText = uriText, Parameters = parameters };
        return true;
    }

    public override string ToString()
    {
        var display = string.IsNullOrEmpty(DisplayName) ? "" : SipSyntax.Quote(DisplayName) + " ";
        return $"{display}<{UriText}>{Parameters}";
    }
}
