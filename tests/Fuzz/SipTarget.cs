using System.Buffers;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.Fuzz;

/// <summary>
/// One fuzz input as a SIP datagram and as bytes on a stream. Promises checked: the parsers never throw; a rejected
/// datagram has a reason (and the 400 builder copes with whatever partial message came with it); an accepted one
/// serializes and parses again to the same start line, headers and body, and the stack's readers of its URI and
/// structured headers, the log redactor and the response builder cope with it; and the stream framer reads the bytes split
/// in two segments exactly as it reads them whole, message after message.
/// </summary>
public static class SipTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        CheckDatagram(input);
        var bytes = input.ToArray();
        var whole = ReadAll(new ReadOnlySequence<byte>(bytes));
        // The split point comes from the input itself, so the fuzzer explores it and a crash replays exactly.
        var splitAt = bytes.Length < 2 ? 0 : 1 + (bytes[0] + 7 * bytes[^1]) % (bytes.Length - 1);
        var split = ReadAll(TwoSegments.Of(bytes, splitAt));
        if (whole != split)
        {
            throw new InvariantViolation($"a stream read split at {splitAt} differs from the whole read:\n{whole}\n---\n{split}");
        }
    }

    private static void CheckDatagram(ReadOnlySpan<byte> input)
    {
        var datagram = SipParser.ParseDatagram(input);
        if (datagram.Status != SipReadStatus.Done)
        {
            if (string.IsNullOrEmpty(datagram.Error))
            {
                throw new InvariantViolation($"datagram rejected ({datagram.Status}) without a reason");
            }
            SipResponseBuilder.TryBadRequest(datagram.Partial, datagram.Error);
            return;
        }
        ReadLikeTheStack(datagram.Message!);
        var serialized = SipSerializer.Serialize(datagram.Message!);
        var again = SipParser.ParseDatagram(serialized);
        if (again.Status != SipReadStatus.Done)
        {
            throw new InvariantViolation($"an accepted datagram did not parse again after serializing: {again.Error}");
        }
        var before = Describe(datagram.Message!);
        var after = Describe(again.Message!);
        if (before != after)
        {
            throw new InvariantViolation($"the round trip changed the message:\n{before}\n---\n{after}");
        }
    }

    /// <summary>
    /// What the stack does with an accepted message: logs it redacted, reads the request URI and the structured
    /// headers (each comma-separated value), and builds a response to a request. None of it may throw.
    /// </summary>
    private static void ReadLikeTheStack(SipMessage message)
    {
        SipMessageRedactor.Redact(message);
        if (message.IsRequest)
        {
            SipUri.TryParse(message.RequestUri, out _);
            SipResponseBuilder.Create(message, 400, "Bad Request", "fuzz");
        }
        var values = new List<string>();
        foreach (var header in message.Headers)
        {
            values.Clear();
            SipValueSplitter.SplitInto(header.Value, values);
            foreach (var value in values)
            {
                switch (header.Name)
                {
                    case SipHeaderNames.Via:
                        SipVia.TryParse(value, out _);
                        break;
                    case SipHeaderNames.From or SipHeaderNames.To or SipHeaderNames.Contact or SipHeaderNames.Route or SipHeaderNames.RecordRoute:
                        SipNameAddress.TryParse(value, out _);
                        break;
                    case SipHeaderNames.CSeq:
                        SipCSeq.TryParse(value, out _);
                        break;
                }
            }
        }
    }

    /// <summary>Reads messages off the buffer until the framer wants more or rejects it; returns what it saw.</summary>
    private static string ReadAll(ReadOnlySequence<byte> buffer)
    {
        var log = new System.Text.StringBuilder();
        for (var guard = 0; guard < 1000; guard++)
        {
            var result = SipStreamReader.TryRead(buffer, out var consumed);
            if (consumed < 0 || consumed > buffer.Length)
            {
                throw new InvariantViolation($"the stream reader consumed {consumed} of {buffer.Length} bytes");
            }
            log.Append(result.Status).Append('|').Append(result.Error).Append('|').Append(consumed).Append('|')
                .Append(result.Message is null ? "" : Describe(result.Message)).Append('\n');
            if (result.Status != SipReadStatus.Done)
            {
                return log.ToString();
            }
            if (consumed == 0)
            {
                throw new InvariantViolation("the stream reader returned a message without consuming any byte");
            }
            buffer = buffer.Slice(consumed);
        }
        return log.ToString();
    }

    private static string Describe(SipMessage message) =>
        $"{message.Method} {message.RequestUri} {message.StatusCode} {message.ReasonPhrase}\n"
        + string.Join("\n", message.Headers.Where(h => h.Name != SipHeaderNames.ContentLength).Select(h => $"{h.Name}: {h.Value}"))
        + "\n" + Convert.ToBase64String(message.Body.Span);
}
