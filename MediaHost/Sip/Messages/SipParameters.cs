namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// The ";name=value" parameters of a URI or header, in order. Names compare case-insensitively; a parameter may
/// have no value ("lr", "rport"). Quoted values keep their quotes out of <see cref="Get"/>.
/// </summary>
public sealed class SipParameters
{
    private readonly List<KeyValuePair<string, string?>> _items = [];

    public int Count => _items.Count;

    public IEnumerable<KeyValuePair<string, string?>> Items => _items;

    /// <summary>Parses "a=b;c;d=\"x;y\"" (without the leading ';'). Returns false on an empty or malformed name.</summary>
    public static bool TryParse(string text, out SipParameters parameters)
    {
        parameters = new SipParameters();
        return Scan(text, parameters._items);
    }

    /// <summary>The same check as <see cref="TryParse"/> without building anything (the parser validates with it).</summary>
    public static bool IsValid(ReadOnlySpan<char> text) => Scan(text, null);

    /// <summary>Walks the parameters, adding each to <paramref name="into"/> when it is given.</summary>
    private static bool Scan(ReadOnlySpan<char> text, List<KeyValuePair<string, string?>>? into)
    {
        var i = 0;
        while (i < text.Length)
        {
            var end = i;
            var hasValue = false;
            ReadOnlySpan<char> value = default;
            var quoted = false;
            while (end < text.Length && text[end] != ';' && text[end] != '=')
            {
                end++;
            }
            var name = text[i..end].Trim();
            if (end < text.Length && text[end] == '=')
            {
                hasValue = true;
                var valueStart = end + 1;
                while (valueStart < text.Length && SipSyntax.IsWhitespace(text[valueStart]))
                {
                    valueStart++;
                }
                if (valueStart < text.Length && text[valueStart] == '"')
                {
                    end = SipSyntax.SkipQuoted(text, valueStart);
                    if (end < 0)
                    {
                        return false;
                    }
                    quoted = true;
                    value = text[(valueStart + 1)..(end - 1)];
                    while (end < text.Length && text[end] != ';')
                    {
                        end++;
                    }
                }
                else
                {
                    end = valueStart;
                    while (end < text.Length && text[end] != ';')
                    {
                        end++;
                    }
                    value = text[valueStart..end].Trim();
                }
            }
            if (name.IsEmpty)
            {
                if (end >= text.Length && !hasValue && i == end)
                {
                    break;
                }
                return false;
            }
            into?.Add(new(name.ToString(), !hasValue ? null : quoted ? SipSyntax.Unescape(value) : value.ToString()));
            i = end + 1;
        }
        return true;
    }

    public bool Contains(string name) => _items.Exists(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    public string? Get(string name)
    {
        foreach (var item in _items)
        {
            if (string.Equals(item.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return item.Value;
            }
        }
        return null;
    }

    public void Set(string name, string? value)
    {
        var index = _items.FindIndex(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            _items[index] = new(name, value);
        }
        else
        {
            _items.Add(new(name, value));
        }
    }

    public void Remove(string name) => _items.RemoveAll(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>";a=b;c" (empty when there are none). Values that are not tokens are quoted.</summary>
    public override string ToString()
    {
        var builder = new System.Text.StringBuilder();
        foreach (var (name, value) in _items)
        {
            builder.Append(';').Append(name);
            if (value is not null)
            {
                builder.Append('=').Append(NeedsQuotes(value) ? SipSyntax.Quote(value) : value);
            }
        }
        return builder.ToString();
    }

    private static bool NeedsQuotes(string value)
    {
        foreach (var c in value)
        {
            if (!SipSyntax.IsTokenChar(c) && c is not ':' and not '[' and not ']')
            {
                return true;
            }
        }
        return value.Length == 0;
    }
}
