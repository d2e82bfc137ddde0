using System.Text;

namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// Parses SIP messages from bytes with no I/O: a whole datagram, or (through <see cref="SipStreamReader"/>) a
/// framed message from a stream. Every rejection carries a specific reason, which the server sends in its 400.
/// </summary>
public static class SipParser
{
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    /// <summary>Parses one UDP datagram. Content-Length is optional; bytes after it are ignored (RFC 3261 18.3).</summary>
    public static SipReadResult ParseDatagram(ReadOnlySpan<byte> datagram, SipLimits? limits = null)
    {
        limits ??= SipLimits.Default;
        var trimmed = datagram.TrimStart("\r\n"u8);
        if (trimmed.IsEmpty)
        {
            return SipReadResult.Invalid("empty datagram (keep-alive)");
        }
        var end = trimmed.IndexOf(HeaderEnd);
        if (end < 0)
        {
            return SipReadResult.Invalid(trimmed.Length > limits.MaxHeaderBytes
                ? $"header section larger than {limits.MaxHeaderBytes} bytes"
                : "truncated message: no blank line after the headers");
        }
        if (end + 2 > limits.MaxHeaderBytes)
        {
            return SipReadResult.Invalid($"header section larger than {limits.MaxHeaderBytes} bytes");
        }
        var head = ParseHead(trimmed[..(end + 2)], limits, out var contentLength);
        if (head.Status != SipReadStatus.Done)
        {
            return head;
        }
        var message = head.Message!;
        var body = trimmed[(end + 4)..];
        if (contentLength >= 0)
        {
            if (contentLength > body.Length)
            {
                return SipReadResult.Invalid($"Content-Length {contentLength} is larger than the {body.Length} body bytes received", message);
            }
            body = body[..contentLength];
        }
        if (body.Length > limits.MaxBodyBytes)
        {
            return SipReadResult.Invalid($"body larger than {limits.MaxBodyBytes} bytes", message);
        }
        message.Body = body.ToArray();
        return SipReadResult.Ok(message);
    }

    /// <summary>
    /// Parses the start line and headers (each line ending in CRLF, without the final empty line).
    /// <paramref name="contentLength"/> is -1 when the header is absent.
    /// </summary>
    public static SipReadResult ParseHead(ReadOnlySpan<byte> head, SipLimits limits, out int contentLength)
    {
        contentLength = -1;
        var controlError = FindControlCharacter(head);
        var lineEnd = head.IndexOf("\r\n"u8);
        if (lineEnd < 0)
        {
            return SipReadResult.Invalid("truncated message: no line end after the start line");
        }
        if (!TryParseStartLine(head[..lineEnd], out var message, out var startError))
        {
            return SipReadResult.Invalid(startError!);
        }
        string? error = controlError;
        var rest = head[(lineEnd + 2)..];
        var count = 0;
        string? name = null;
        var value = new StringBuilder();
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            rest = lineEnd < 0 ? default : rest[(lineEnd + 2)..];
            if (line.IsEmpty)
            {
                continue;
            }
            if (SipSyntax.IsWhitespace(line[0]))
            {
                // Folded continuation (RFC 3261 7.3.1): joined to the previous value with one space.
                if (name is null)
                {
                    error ??= "folded line before the first header";
                    continue;
                }
                value.Append(' ').Append(Encoding.UTF8.GetString(line.Trim(" \t"u8)));
                continue;
            }
            if (name is not null)
            {
                Commit(message, name, value, ref contentLength, limits, ref error);
                name = null;
            }
            if (++count > limits.MaxHeaderCount)
            {
                return SipReadResult.Invalid($"more than {limits.MaxHeaderCount} header lines");
            }
            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                error ??= $"header line without a colon: '{Printable(line)}'";
                continue;
            }
            var nameBytes = line[..colon].TrimEnd(" \t"u8);
            if (!SipSyntax.IsToken(nameBytes))
            {
                error ??= $"malformed header name '{Printable(nameBytes)}'";
                continue;
            }
            name = SipHeaderNames.Canonicalize(Encoding.ASCII.GetString(nameBytes));
            value.Clear().Append(Encoding.UTF8.GetString(line[(colon + 1)..].Trim(" \t"u8)));
        }
        if (name is not null)
        {
            Commit(message, name, value, ref contentLength, limits, ref error);
        }
        error ??= SipMessageValidator.Validate(message);
        return error is null ? SipReadResult.Ok(message) : SipReadResult.Invalid(error, message);
    }

    private static void Commit(SipMessage message, string name, StringBuilder value, ref int contentLength, SipLimits limits, ref string? error)
    {
        // A bare CR/LF inside a line was already reported; keep it out of the partial message we may answer.
        var text = value.ToString().Trim().Replace('\r', ' ').Replace('\n', ' ');
        message.Headers.Add(name, text);
        if (!ReferenceEquals(name, SipHeaderNames.ContentLength))
        {
            return;
        }
        if (!SipSyntax.TryParseBoundedInt(text, int.MaxValue, out var length))
        {
            error ??= $"malformed Content-Length '{text}'";
        }
        else if (length > limits.MaxBodyBytes)
        {
            error ??= $"Content-Length {length} exceeds the {limits.MaxBodyBytes}-byte limit";
        }
        else if (contentLength >= 0 && contentLength != length)
        {
            error ??= "conflicting Content-Length headers";
        }
        else
        {
            contentLength = length;
        }
    }

    private static bool TryParseStartLine(ReadOnlySpan<byte> line, out SipMessage message, out string? error)
    {
        message = null!;
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
            var reason = afterVersion.Length > 4 ? Encoding.UTF8.GetString(afterVersion[4..]) : "";
            message = SipMessage.Response(code, reason);
            return true;
        }
        // Request-Line = Method SP Request-URI SP SIP-Version, with exactly one SP between elements.
        if (first <= 0 || last == first || line[(first + 1)..last].IndexOf((byte)' ') >= 0 || line[first + 1] == ' ')
        {
            error = $"malformed request line '{Printable(line)}': expected 'METHOD SP Request-URI SP SIP/2.0'";
            return false;
        }
        var method = line[..first];
        var uri = line[(first + 1)..last];
        if (!SipSyntax.IsToken(method))
        {
            error = $"malformed method '{Printable(method)}'";
            return false;
        }
        if (!IsVersion(line[(last + 1)..], out error))
        {
            return false;
        }
        var colon = uri.IndexOf((byte)':');
        if (colon <= 0 || uri.IndexOfAny("<>\""u8) >= 0)
        {
            error = $"malformed Request-URI '{Printable(uri)}'";
            return false;
        }
        message = SipMessage.Request(Encoding.ASCII.GetString(method), Encoding.UTF8.GetString(uri));
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
            ? $"unsupported SIP version '{Printable(text)}'"
            : $"malformed SIP version '{Printable(text)}'";
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

    /// <summary>Bare CR or LF (header injection) and control characters other than HT are not allowed.</summary>
    private static string? FindControlCharacter(ReadOnlySpan<byte> head)
    {
        for (var i = 0; i < head.Length; i++)
        {
            var c = head[i];
            if (c == '\r')
            {
                if (i + 1 >= head.Length || head[i + 1] != '\n')
                {
                    return "bare CR in the header section";
                }
                i++;
            }
            else if (c == '\n')
            {
                return "bare LF in the header section";
            }
            else if ((c < 0x20 && c != '\t') || c == 0x7F)
            {
                return $"control character 0x{c:X2} in the header section";
            }
        }
        return null;
    }

    /// <summary>A short, printable excerpt of bad input for an error reason (never the whole line).</summary>
    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        var excerpt = bytes.Length > 40 ? bytes[..40] : bytes;
        var builder = new StringBuilder(excerpt.Length);
        foreach (var b in excerpt)
        {
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }
        return bytes.Length > 40 ? builder.Append("...").ToString() : builder.ToString();
    }
}
