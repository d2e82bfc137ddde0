using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// Parses SIP messages from bytes with no I/O: a whole datagram, or (through <see cref="SipStreamReader"/>) a
/// framed message from a stream. Every rejection carries a specific reason, which the server sends in its 400.
/// A message keeps one copy of its bytes and an index of its headers (name, value range); everything that decides
/// whether the message is valid is checked here, but values become strings only when somebody reads them.
/// </summary>
public static class SipParser
{
    /// <summary>Room to check a header value as characters on the stack; longer values are decoded to a string.</summary>
    private const int ScratchChars = 512;

    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    /// <summary>What a clean header section holds: printable ASCII, HT, and the CR LF that end lines.</summary>
    private static readonly SearchValues<byte> TextOrLineBreak = SearchValues.Create(
        [.. Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (byte)c), (byte)'\t', (byte)'\r', (byte)'\n']);

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
        // One copy holds head and body; bytes past the body (rare in a datagram) ride along unread.
        var bodyAvailable = Math.Min(trimmed.Length - end - 4, limits.MaxBodyBytes + 1);
        var head = ParseHead(trimmed[..(end + 4 + bodyAvailable)], end + 2, limits, out var contentLength);
        if (head.Status != SipReadStatus.Done)
        {
            return head;
        }
        var message = head.Message!;
        var bodyLength = trimmed.Length - end - 4;
        if (contentLength >= 0)
        {
            if (contentLength > bodyLength)
            {
                return SipReadResult.Invalid($"Content-Length {contentLength} is larger than the {bodyLength} body bytes received", message);
            }
            bodyLength = contentLength;
        }
        if (bodyLength > limits.MaxBodyBytes)
        {
            return SipReadResult.Invalid($"body larger than {limits.MaxBodyBytes} bytes", message);
        }
        message.Body = bodyLength == 0 ? ReadOnlyMemory<byte>.Empty : message.Source.AsMemory(end + 4, bodyLength);
        return SipReadResult.Ok(message);
    }

    /// <summary>
    /// Parses the start line and headers: the first <paramref name="headLength"/> bytes of <paramref name="bytes"/>,
    /// each line ending in CRLF, without the final empty line. All of <paramref name="bytes"/> is copied once into
    /// the message (so a body that follows the head can share the copy). <paramref name="contentLength"/> is -1
    /// when the header is absent.
    /// </summary>
    [SkipLocalsInit]
    internal static SipReadResult ParseHead(ReadOnlySpan<byte> bytes, int headLength, SipLimits limits, out int contentLength)
    {
        contentLength = -1;
        var head = bytes[..headLength];
        // One vectorised pass proves the usual head clean (then every line is its own UTF-8 text); the exact first
        // bad byte is looked for only when this pass, a bare CR or a count of line feeds says there is one.
        var clean = !head.ContainsAnyExcept(TextOrLineBreak);
        var bareCr = false;
        var lineEnd = FindLineEnd(head, 0, ref bareCr);
        if (lineEnd == head.Length)
        {
            return SipReadResult.Invalid("truncated message: no line end after the start line");
        }
        var startValid = SipStartLine.TryParse(head[..lineEnd], out var startLine, out var startError, out var salvaged, out var rejectStatus);
        if (!startValid)
        {
            if (salvaged.Method is null)
            {
                return SipReadResult.Invalid(startError!);
            }
            // The method could be read: read the headers too, so the request can be answered with the reason.
            startLine = salvaged;
        }
        var startLinePlain = clean || !head[..lineEnd].ContainsAnyExcept(TextOrLineBreak);
        var source = bytes.ToArray();
        var lineFeeds = head.Count((byte)'\n');
        var lineBreaks = 1;
        var headers = new SipHeaderEntry[Math.Clamp(lineFeeds - 1, 0, limits.MaxHeaderCount)];
        Span<char> scratch = stackalloc char[ScratchChars];
        string? headerError = null;
        var count = 0;
        var indexed = 0;
        var current = -1; // the header whose folded continuation lines may still follow
        var position = lineEnd + 2;
        while (position < head.Length)
        {
            var lineStart = position;
            lineEnd = FindLineEnd(head, lineStart, ref bareCr);
            lineBreaks += lineEnd < head.Length ? 1 : 0;
            position = Math.Min(lineEnd + 2, head.Length);
            var line = head[lineStart..lineEnd];
            if (line.IsEmpty)
            {
                continue;
            }
            if (SipSyntax.IsWhitespace(line[0]))
            {
                // Folded continuation (RFC 3261 7.3.1): the value now runs to the end of this line.
                if (current < 0)
                {
                    headerError ??= "folded line before the first header";
                    continue;
                }
                ref var folded = ref headers[current];
                folded.ValueLength = lineStart + TrimEndSpaces(line) - folded.ValueStart;
                folded.Plain = false;
                continue;
            }
            if (current >= 0)
            {
                Commit(ref headers[current], scratch, ref contentLength, limits, ref headerError);
                current = -1;
            }
            if (++count > limits.MaxHeaderCount)
            {
                return SipReadResult.Invalid($"more than {limits.MaxHeaderCount} header lines");
            }
            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                headerError ??= $"header line without a colon: '{Printable(line)}'";
                continue;
            }
            var name = line[..TrimEndSpaces(line[..colon])];
            if (!SipSyntax.IsToken(name))
            {
                headerError ??= $"malformed header name '{Printable(name)}'";
                continue;
            }
            var valueStart = colon + 1;
            while (valueStart < line.Length && SipSyntax.IsWhitespace(line[valueStart]))
            {
                valueStart++;
            }
            headers[indexed] = new SipHeaderEntry
            {
                Name = SipHeaderNames.TryGetKnown(name, out var canonical) ? canonical : null,
                Source = source,
                NameStart = lineStart,
                NameLength = name.Length,
                // An all-space value is empty at the line's end, where its folded lines would continue.
                ValueStart = lineStart + valueStart,
                ValueLength = Math.Max(valueStart, TrimEndSpaces(line)) - valueStart,
                Plain = clean || !line.ContainsAnyExcept(TextOrLineBreak),
            };
            current = indexed++;
        }
        if (current >= 0)
        {
            Commit(ref headers[current], scratch, ref contentLength, limits, ref headerError);
        }
        // Reasons rank as they always have: start line, then the first bad byte anywhere, then the first bad header,
        // then the semantic checks ("too many headers" ended the parse at once).
        var controlError = clean && !bareCr && lineFeeds == lineBreaks ? null : FindControlCharacter(head);
        if (controlError is not null)
        {
            // Lines holding a stray CR or LF are not their own text: values decode the careful way (which blanks them).
            startLinePlain = false;
            foreach (ref var header in headers.AsSpan(0, indexed))
            {
                header.Plain = false;
            }
        }
        var message = SipMessage.Parsed(startLine.Method, startLine.StatusCode, source, startLine.TextStart, startLine.TextLength,
            startLinePlain, new SipHeaderList(headers, indexed));
        if (!startValid)
        {
            return SipReadResult.Invalid(startError!, message, rejectStatus);
        }
        var error = controlError ?? headerError ?? SipMessageValidator.Validate(message, scratch);
        return error is null ? SipReadResult.Ok(message) : SipReadResult.Invalid(error, message);
    }

    /// <summary>
    /// The index of the CR of the CRLF that ends the line starting at <paramref name="start"/>, or the head's length
    /// when none does. A CR without its LF is part of the line and sets <paramref name="bareCr"/>.
    /// </summary>
    private static int FindLineEnd(ReadOnlySpan<byte> head, int start, ref bool bareCr)
    {
        var i = start;
        while (true)
        {
            var cr = head[i..].IndexOf((byte)'\r');
            if (cr < 0)
            {
                return head.Length;
            }
            i += cr;
            if (i + 1 < head.Length && head[i + 1] == '\n')
            {
                return i;
            }
            bareCr = true;
            i++;
        }
    }

    /// <summary>The first bare CR or LF (header injection) or control character other than HT, or null.</summary>
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
            else if (((c < 0x20 && c != '\t') || c == 0x7F) && !IsQuotedPair(head, i))
            {
                return $"control character 0x{c:X2} in the header section";
            }
        }
        return null;
    }

    /// <summary>
    /// True when the byte at <paramref name="index"/> is escaped by a backslash inside a quoted string of its line:
    /// a quoted-pair, which may carry any octet but CR and LF (RFC 3261 section 25.1, RFC 4475 3.1.1.2).
    /// </summary>
    private static bool IsQuotedPair(ReadOnlySpan<byte> head, int index)
    {
        var lineStart = head[..index].LastIndexOf((byte)'\n') + 1;
        var quoted = false;
        for (var i = lineStart; i < index; i++)
        {
            if (quoted && head[i] == '\\')
            {
                if (++i == index)
                {
                    return true;
                }
            }
            else if (head[i] == '"')
            {
                quoted = !quoted;
            }
        }
        return false;
    }

    /// <summary>The length of <paramref name="bytes"/> without trailing SP and HT.</summary>
    private static int TrimEndSpaces(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        while (end > 0 && SipSyntax.IsWhitespace(bytes[end - 1]))
        {
            end--;
        }
        return end;
    }

    /// <summary>A header is complete (no more folded lines): check Content-Length, which framing depends on.</summary>
    private static void Commit(ref SipHeaderEntry header, Span<char> scratch, ref int contentLength, SipLimits limits, ref string? error)
    {
        if (!ReferenceEquals(header.Name, SipHeaderNames.ContentLength))
        {
            return;
        }
        var text = header.ValueChars(scratch);
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
