using System.Buffers;

namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// Frames SIP messages on a stream transport (TCP): find the blank line, then honour Content-Length, which is
/// mandatory on streams (RFC 3261 section 18.3). Bytes may arrive in any fragmentation.
/// </summary>
public static class SipStreamReader
{
    /// <summary>
    /// Reads one message from the front of <paramref name="buffer"/>. <paramref name="consumed"/> is how many bytes
    /// the caller may drop: the message (Done), leading CRLF keep-alives (NeedMoreData), or 0 (Invalid: the stream
    /// cannot be resynchronised, so the connection should be answered if possible and closed).
    /// </summary>
    public static SipReadResult TryRead(in ReadOnlySequence<byte> buffer, out long consumed, SipLimits? limits = null)
    {
        limits ??= SipLimits.Default;
        consumed = 0;
        var reader = new SequenceReader<byte>(buffer);
        // CRLF keep-alives between messages (RFC 5626 section 4.4.1) are skipped.
        var skipped = reader.AdvancePastAny((byte)'\r', (byte)'\n');
        if (reader.End)
        {
            consumed = skipped;
            return SipReadResult.NeedMore;
        }
        if (!reader.TryReadTo(out ReadOnlySequence<byte> headSequence, "\r\n\r\n"u8, advancePastDelimiter: true))
        {
            consumed = skipped;
            return buffer.Length - skipped > limits.MaxHeaderBytes
                ? SipReadResult.Invalid($"header section larger than {limits.MaxHeaderBytes} bytes")
                : SipReadResult.NeedMore;
        }
        if (headSequence.Length + 2 > limits.MaxHeaderBytes)
        {
            return SipReadResult.Invalid($"header section larger than {limits.MaxHeaderBytes} bytes");
        }
        var headLength = (int)headSequence.Length + 2;
        byte[]? rented = null;
        try
        {
            // The head is the header lines plus the first CRLF of the delimiter, which may sit in the next segment.
            var headWithLineEnd = buffer.Slice(skipped, headLength);
            ReadOnlySpan<byte> head;
            if (headWithLineEnd.IsSingleSegment)
            {
                head = headWithLineEnd.FirstSpan;
            }
            else
            {
                rented = ArrayPool<byte>.Shared.Rent(headLength);
                headWithLineEnd.CopyTo(rented);
                head = rented.AsSpan(0, headLength);
            }
            var result = SipParser.ParseHead(head, headLength, limits, out var contentLength);
            if (result.Status != SipReadStatus.Done)
            {
                return result;
            }
            if (contentLength < 0)
            {
                return SipReadResult.Invalid("missing Content-Length (required on stream transports)", result.Message);
            }
            var bodyStart = reader.Consumed;
            if (buffer.Length - bodyStart < contentLength)
            {
                return SipReadResult.NeedMore;
            }
            result.Message!.Body = contentLength == 0 ? ReadOnlyMemory<byte>.Empty : buffer.Slice(bodyStart, contentLength).ToArray();
            consumed = bodyStart + contentLength;
            return result;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
