using System.Text;

namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// A checked start line: the method (shared string for known methods) and the Request-URI's range for a request,
/// or the status code and the reason phrase's range for a response. Ranges count from the start of the line.
/// </summary>
internal readonly record struct SipStartLine(string? Method, int StatusCode, int TextStart, int TextLength)
{
    /// <summary>
    /// Parses the start line. On failure, <paramref name="salvaged"/> still holds the request's method and the rest of
    /// the line when the line begins with a method token and a space (so the headers can be read and the request
    /// answered, RFC 3261 section 8.2), and <paramref name="rejectStatus"/> is the answer: 505 for a SIP version we do
    /// not speak, 400 for anything else.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out SipStartLine start, out string? error, out SipStartLine salvaged, out int rejectStatus)
    {
        if (TryParse(line, out start, out error))
        {
            salvaged = default;
            rejectStatus = 0;
            return true;
        }
        rejectStatus = error!.StartsWith("unsupported SIP version", StringComparison.Ordinal) ? 505 : 400;
        var first = line.IndexOf((byte)' ');
        salvaged = !line.StartsWith("SIP/"u8) && first > 0 && SipSyntax.IsToken(line[..first])
            ? new SipStartLine(SipMethods.Intern(line[..first]), 0, first + 1, line.Length - first - 1)
            : default;
        return false;
    }

    public static bool TryParse(ReadOnlySpan<byte> line, out SipStartLine start, out string? error)
    {
        start = default;
        error = null;
        var first = line.IndexOf((byte)' ');
        var last = line.LastIndexOf((byte)' ');
        if (line.StartsWith("SIP/"u8))
        {
            // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase
            if (first < 0 || !IsVersion(line[..first], out error))
            {
                error ??= "malformed status line";
                return false;
            }
            var afterVersion = line[(first + 1)..];
            if (afterVersion.Length < 3 || !IsDigits(afterVersion[..3]) || (afterVersion.Length > 3 && afterVersion[3] != ' '))
            {
                error = "malformed status code in the status line";
                return false;
            }
            var code = (afterVersion[0] - '0') * 100 + (afterVersion[1] - '0') * 10 + (afterVersion[2] - '0');
            if (code < 100)
            {
                error = $"status code {code} is below 100";
                return false;
            }
            start = afterVersion.Length > 4
                ? new SipStartLine(null, code, first + 5, afterVersion.Length - 4)
                : new SipStartLine(null, code, line.Length, 0);
            return true;
        }
        // Request-Line = Method SP Request-URI SP SIP-Version, with exactly one SP between elements.
        if (first <= 0 || last == first || line[(first + 1)..last].IndexOf((byte)' ') >= 0 || line[first + 1] == ' ')
        {
            error = $"malformed request line '{SipParser.Printable(line)}': expected 'METHOD SP Request-URI SP SIP/2.0'";
            return false;
        }
        var method = line[..first];
        var uri = line[(first + 1)..last];
        if (!SipSyntax.IsToken(method))
        {
            error = $"malformed method '{SipParser.Printable(method)}'";
            return false;
        }
        if (!IsVersion(line[(last + 1)..], out error))
        {
            return false;
        }
        var colon = uri.IndexOf((byte)':');
        if (colon <= 0 || uri.IndexOfAny("<>\""u8) >= 0)
        {
            error = $"malformed Request-URI '{SipParser.Printable(uri)}'";
            return false;
        }
        start = new SipStartLine(SipMethods.Intern(method), 0, first + 1, uri.Length);
        return true;
    }

    private static bool IsVersion(ReadOnlySpan<byte> text, out string? error)
    {
        error = null;
        if (text.Length == 7 && Ascii.EqualsIgnoreCase(text, "SIP/2.0"u8))
        {
            return true;
        }
        var slash = text.IndexOf((byte)'/');
        error = slash == 3 && Ascii.EqualsIgnoreCase(text[..3], "SIP"u8)
            ? $"unsupported SIP version '{SipParser.Printable(text)}'"
            : $"malformed SIP version '{SipParser.Printable(text)}'";
        return false;
    }

    private static bool IsDigits(ReadOnlySpan<byte> text)
    {
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }
        return true;
    }
}
