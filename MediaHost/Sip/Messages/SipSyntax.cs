namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>Character classes and small scanners of the RFC 3261 grammar (section 25.1).</summary>
public static class SipSyntax
{
    private const string TokenCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~";

    private static readonly System.Buffers.SearchValues<char> TokenChars = System.Buffers.SearchValues.Create(TokenCharacters);

    private static readonly System.Buffers.SearchValues<byte> TokenBytes = System.Buffers.SearchValues.Create(System.Text.Encoding.ASCII.GetBytes(TokenCharacters));

    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    public static bool IsTokenChar(int c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    public static bool IsToken(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExcept(TokenChars);

    public static bool IsToken(ReadOnlySpan<byte> value) => !value.IsEmpty && !value.ContainsAnyExcept(TokenBytes);

    public static bool IsWhitespace(int c) => c is ' ' or '\t';

    /// <summary>
    /// Reads a quoted-string starting at <paramref name="start"/> (which must be '"'), unescaping quoted-pairs.
    /// Returns the index just after the closing quote, or -1 when the string is not closed.
    /// </summary>
    public static int ReadQuoted(string text, int start, out string value)
    {
        var end = SkipQuoted(text, start);
        value = end < 0 ? "" : Unescape(text.AsSpan(start + 1, end - start - 2));
        return end;
    }

    /// <summary>
    /// The index just after the quoted-string that starts at <paramref name="start"/> (a '"'), or -1 when it is not
    /// closed. A backslash escapes the next character, so an escaped quote does not close the string.
    /// </summary>
    public static int SkipQuoted(ReadOnlySpan<char> text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                i++;
            }
            else if (c == '"')
            {
                return i + 1;
            }
        }
        return -1;
    }

    /// <summary>The text of a quoted-string's content (between the quotes) with its quoted-pairs resolved.</summary>
    public static string Unescape(ReadOnlySpan<char> content)
    {
        if (content.IndexOf('\\') < 0)
        {
            return content.ToString();
        }
        var builder = new System.Text.StringBuilder(content.Length);
        for (var i = 0; i < content.Length; i++)
        {
            builder.Append(content[i] == '\\' && i + 1 < content.Length ? content[++i] : content[i]);
        }
        return builder.ToString();
    }

    /// <summary>Quotes a display name or parameter value, escaping quote and backslash.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Parses digits (leading zeros allowed) into a non-negative int bounded by <paramref name="max"/>.</summary>
    public static bool TryParseBoundedInt(ReadOnlySpan<char> digits, long max, out int value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }
        long total = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            total = total * 10 + (c - '0');
            if (total > max)
            {
                return false;
            }
        }
        value = (int)total;
        return true;
    }
}
