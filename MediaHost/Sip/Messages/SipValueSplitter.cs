namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// Splits a list header's value at top-level commas: commas inside quoted strings (with backslash escapes)
/// or inside angle-bracketed URIs do not separate elements.
/// </summary>
public static class SipValueSplitter
{
    public static string First(string value)
    {
        var end = NextComma(value, 0);
        return end < 0 ? value.Trim() : value[..end].Trim();
    }

    /// <summary>The first element, trimmed, as a slice of <paramref name="value"/>.</summary>
    public static ReadOnlySpan<char> First(ReadOnlySpan<char> value)
    {
        var end = NextComma(value, 0);
        return end < 0 ? value.Trim() : value[..end].Trim();
    }

    public static void SplitInto(string value, List<string> into)
    {
        var start = 0;
        while (start <= value.Length)
        {
            var comma = NextComma(value, start);
            var end = comma < 0 ? value.Length : comma;
            var element = value.AsSpan(start, end - start).Trim();
            if (!element.IsEmpty)
            {
                into.Add(element.ToString());
            }
            if (comma < 0)
            {
                break;
            }
            start = comma + 1;
        }
    }

    /// <summary>Index of the next top-level comma at or after <paramref name="start"/>, or -1.</summary>
    public static int NextComma(ReadOnlySpan<char> value, int start)
    {
        var inQuotes = false;
        var inAngle = false;
        var i = start;
        while (i < value.Length)
        {
            // Jump to the next character that matters in the current state.
            var next = inQuotes ? value[i..].IndexOfAny('"', '\\') : value[i..].IndexOfAny(Delimiters);
            if (next < 0)
            {
                return -1;
            }
            i += next;
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '<')
            {
                inAngle = true;
            }
            else if (c == '>')
            {
                inAngle = false;
            }
            else if (!inAngle)
            {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static readonly System.Buffers.SearchValues<char> Delimiters = System.Buffers.SearchValues.Create(",\"<>");
}
