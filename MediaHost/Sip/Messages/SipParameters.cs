namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// The ";name=value" parameters of a URI or header, in order. Names compare case-insensitively; a parameter may
/// have no value ("lr", "rport"). Quoted values keep their quotes out of <see cref="Get"/>.
/// </summary>
public sealed class SipParameters
{
    /// <summary>The list, built on the first edit or enumeration; until then reads scan <see cref="_text"/>.</summary>
    private List<KeyValuePair<string, string?>>? _items;

    /// <summary>The checked parameter text as received (reading one parameter of it allocates only its value).</summary>
    private string _text = "";

    public int Count => List().Count;

    public IEnumerable<KeyValuePair<string, string?>> Items => List();

    /// <summary>Parses "a=b;c;d=\"x;y\"" (without the leading ';'). Returns false on an empty or malformed name.</summary>
    public static bool TryParse(string text, out SipParameters parameters)
    {
        parameters = new SipParameters();
        if (!IsValid(text))
        {
            return false;
        }
        parameters._text = text;
        return true;
    }

    /// <summary>The same check as <see cref="TryParse"/> without building anything (the parser validates with it).</summary>
    public static bool IsValid(ReadOnlySpan<char> text) => Scan(text, null, null, out _);

    private List<KeyValuePair<string, string?>> List()
    {
        if (_items is null)
        {
            var items = new List<KeyValuePair<string, string?>>();
            Scan(_text, items, null, out _);
            _items = items;
        }
        return _items;
    }

    /// <summary>The value of the first parameter called <paramref name="name"/> in checked text, if there is one.</summary>
    private static bool Find(ReadOnlySpan<char> text, string name, out string? value)
    {
        value = null;
        return !Scan(text, null, name, out value);
    }

    /// <summary>
    /// Walks the parameters, adding each to <paramref name="into"/> when it is given. With <paramref name="find"/>,
    /// stops at the first parameter of that name, sets <paramref name="found"/> to its value and returns false.
    /// </summary>
    private static bool Scan(ReadOnlySpan<char> text, List<KeyValuePair<string, string?>>? into, string? find, out string? found)
    {
        found = null;
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
            if (find is not null && name.Equals(find, StringComparison.OrdinalIgnoreCase))
            {
                found = !hasValue ? null : quoted ? SipSyntax.Unescape(value) : value.ToString();
                return false;
            }
            into?.Add(new(name.ToString(), !hasValue ? null : quoted ? SipSyntax.Unescape(value) : value.ToString()));
            i = end + 1;
        }
        return true;
    }

    public bool Contains(string name) => _items is null ? Find(_text, name, out _) : _items.Exists(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    public string? Get(string name)
    {
        if (_items is null)
        {
            return Find(_text, name, out var found) ? found : null;
        }
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
        var items = List();
        var index = items.FindIndex(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            items[index] = new(name, value);
        }
        else
        {
            items.Add(new(name, value));
        }
    }

    public void Remove(string name) => List().RemoveAll(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>";a=b;c" (empty when there are none). Values that are not tokens are quoted.</summary>
    public override string ToString()
    {
        var builder = new System.Text.StringBuilder();
        foreach (var (name, value) in List())
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
