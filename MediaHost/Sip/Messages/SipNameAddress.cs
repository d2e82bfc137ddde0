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
        if (value is null || !TryParse(value, out var display, out var displayQuoted, out var uriText, out var parameterText)
            || !SipParameters.TryParse(parameterText.ToString(), out var parameters))
        {
            return false;
        }
        address = new SipNameAddress
        {
            DisplayName = displayQuoted ? SipSyntax.Unescape(display) : display.IsEmpty ? null : display.ToString(),
            UriText = uriText.ToString(),
            Parameters = parameters,
        };
        return true;
    }

    /// <summary>The same check as <see cref="TryParse(string?, out SipNameAddress)"/> without building anything.</summary>
    public static bool IsValid(ReadOnlySpan<char> value) =>
        TryParse(value, out _, out _, out _, out var parameters) && SipParameters.IsValid(parameters);

    /// <summary>
    /// Splits a value into display name (the content of the quotes when <paramref name="displayQuoted"/>, else a
    /// token run, possibly empty), URI and parameter text (after the ';'); the parameters are not checked here.
    /// </summary>
    private static bool TryParse(ReadOnlySpan<char> value, out ReadOnlySpan<char> display, out bool displayQuoted,
        out ReadOnlySpan<char> uriText, out ReadOnlySpan<char> parameters)
    {
        display = default;
        displayQuoted = false;
        uriText = default;
        parameters = default;
        if (value.IsWhiteSpace())
        {
            return false;
        }
        var text = value.Trim();
        var i = 0;
        if (text[0] == '"')
        {
            i = SipSyntax.SkipQuoted(text, 0);
            if (i < 0)
            {
                return false;
            }
            display = text[1..(i - 1)];
            displayQuoted = true;
            while (i < text.Length && SipSyntax.IsWhitespace(text[i]))
            {
                i++;
            }
            if (i >= text.Length || text[i] != '<')
            {
                return false;
            }
        }
        var open = text[i..].IndexOf('<');
        if (open >= 0)
        {
            open += i;
            var close = text[open..].IndexOf('>');
            if (close < 0)
            {
                return false;
            }
            close += open;
            if (!displayQuoted && open > 0)
            {
                display = text[..open].Trim();
                if (!IsTokenList(display))
                {
                    // An unquoted display name is tokens and LWS only ("Bell, Alexander" must be quoted: RFC 4475 3.1.2.16).
                    return false;
                }
            }
            uriText = text[(open + 1)..close].Trim();
            var after = text[(close + 1)..].Trim();
            if (!after.IsEmpty && after[0] != ';')
            {
                return false;
            }
            parameters = after.IsEmpty ? default : after[1..];
        }
        else
        {
            var semi = text.IndexOf(';');
            uriText = semi < 0 ? text : text[..semi].Trim();
            parameters = semi < 0 ? default : text[(semi + 1)..];
            if (uriText.IndexOfAny(" \t,?") >= 0)
            {
                return false;
            }
        }
        return uriText.Length != 0 && uriText.IndexOf(':') > 0;
    }

    private static bool IsTokenList(ReadOnlySpan<char> display)
    {
        foreach (var c in display)
        {
            if (!SipSyntax.IsTokenChar(c) && !SipSyntax.IsWhitespace(c))
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString()
    {
        var display = string.IsNullOrEmpty(DisplayName) ? "" : SipSyntax.Quote(DisplayName) + " ";
        return $"{display}<{UriText}>{Parameters}";
    }
}
