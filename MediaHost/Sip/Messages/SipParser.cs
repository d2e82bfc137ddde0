using System.Buffers;
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

    /// <summary>Bytes the first scan stops at: controls other than HT (CR is fine before LF), DEL, and non-ASCII.</summary>
    private static readonly SearchValues<byte> ControlOrNonAscii = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c != '\t').Select(c => (byte)c), .. Enumerable.Range(0x7F, 0x81).Select(c => (byte)c)]);

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
    internal static SipReadResult ParseHead(ReadOnlySpan<byte> bytes, int headLength, SipLimits limits, out int contentLength)
    {
        contentLength = -1;
        var head = bytes[..headLength];
        var lineEnd = head.IndexOf("\r\n"u8);
        if (lineEnd < 0)
        {
            return SipReadResult.Invalid("truncated message: no line end after the start line");
        }
        var controlError = FindControlCharacter(head, out var ascii);
        if (!SipStartLine.TryParse(head[..lineEnd], out var startLine, out var startError))
        {
            return SipReadResult.Invalid(startError!);
        }
        var source = bytes.ToArray();
        var headers = new SipHeaderEntry[Math.Clamp(head.Count((byte)'\n') - 1, 0, limits.MaxHeaderCount)];
        Span<char> scratch = stackalloc char[ScratchChars];
        string? error = controlError;
        var count = 0;
        var indexed = 0;
        var current = -1; // the header whose folded continuation lines may still follow
        var position = lineEnd + 2;
        while (position < head.Length)
        {
            var lineStart = position;
            var line = head[lineStart..];
            lineEnd = line.IndexOf("\r\n"u8);
            line = lineEnd < 0 ? line : line[..lineEnd];
            position += lineEnd < 0 ? line.Length : lineEnd + 2;
            if (line.IsEmpty)
            {
                continue;
            }
            if (SipSyntax.IsWhitespace(line[0]))
            {
                // Folded continuation (RFC 3261 7.3.1): the value now runs to the end of this line.
                if (current < 0)
                {
                    error ??= "folded line before the first header";
                    continue;
                }
                ref var folded = ref headers[current];
                folded.ValueLength = lineStart + line.TrimEnd(" \t"u8).Length - folded.ValueStart;
                folded.Plain = false;
                continue;
            }
            if (current >= 0)
            {
                Commit(ref headers[current], scratch, ref contentLength, limits, ref error);
                current = -1;
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
            var name = line[..colon].TrimEnd(" \t"u8);
            if (!SipSyntax.IsToken(name))
            {
                error ??= $"malformed header name '{Printable(name)}'";
                continue;
            }
            var value = line[(colon + 1)..];
            var valueStart = lineStart + colon + 1 + (value.Length - value.TrimStart(" \t"u8).Length);
            value = value.Trim(" \t"u8);
            headers[indexed] = new SipHeaderEntry
            {
                Name = SipHeaderNames.TryGetKnown(name, out var canonical) ? canonical : null,
                Source = source,
                NameStart = lineStart,
                NameLength = name.Length,
                ValueStart = valueStart,
                ValueLength = value.Length,
                Plain = controlError is null && (ascii || Ascii.IsValid(value)),
            };
            current = indexed++;
        }
        if (current >= 0)
        {
            Commit(ref headers[current], scratch, ref contentLength, limits, ref error);
        }
        var message = SipMessage.Parsed(startLine.Method, startLine.StatusCode, source, startLine.TextStart, startLine.TextLength,
            controlError is null && (ascii || Ascii.IsValid(head.Slice(startLine.TextStart, startLine.TextLength))),
            new SipHeaderList(headers, indexed));
        error ??= SipMessageValidator.Validate(message, scratch);
        return error is null ? SipReadResult.Ok(message) : SipReadResult.Invalid(error, message);
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

    /// <summary>
    /// Bare CR or LF (header injection) and control characters other than HT are not allowed. Also reports whether
    /// the head is all ASCII (then every value is its own UTF-8 form), which is only complete when there is no error.
    /// </summary>
    private static string? FindControlCharacter(ReadOnlySpan<byte> head, out bool ascii)
    {
        ascii = true;
        var i = 0;
        while (true)
        {
            var next = head[i..].IndexOfAny(ControlOrNonAscii);
            if (next < 0)
            {
                return null;
            }
            i += next;
            var c = head[i];
            if (c == '\r')
            {
                if (i + 1 >= head.Length || head[i + 1] != '\n')
                {
                    return "bare CR in the header section";
                }
                i += 2;
            }
            else if (c == '\n')
            {
                return "bare LF in the header section";
            }
            else if (c >= 0x80)
            {
                ascii = false;
                i++;
            }
            else
            {
                return $"control character 0x{c:X2} in the header section";
            }
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
