namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// The checks after syntax (RFC 3261 section 8.2 and 16.3): the mandatory headers exist and parse, and CSeq's
/// method matches the request's. Returns the reason for the 400, or null when the message is usable.
/// </summary>
public static class SipMessageValidator
{
    public static string? Validate(SipMessage message)
    {
        var headers = message.Headers;
        if (headers.Get(SipHeaderNames.Via) is not { } via)
        {
            return "missing Via header";
        }
        if (!SipVia.TryParse(via, out _))
        {
            return "malformed Via header";
        }
        foreach (var name in (string[])[SipHeaderNames.From, SipHeaderNames.To])
        {
            var value = headers.Get(name);
            if (value is null)
            {
                return $"missing {name} header";
            }
            if (!SipNameAddress.TryParse(value, out _))
            {
                return $"malformed {name} header";
            }
        }
        if (string.IsNullOrWhiteSpace(headers.Get(SipHeaderNames.CallId)))
        {
            return "missing Call-ID header";
        }
        if (headers.Get(SipHeaderNames.CSeq) is not { } cseqText)
        {
            return "missing CSeq header";
        }
        if (!SipCSeq.TryParse(cseqText, out var cseq))
        {
            return $"malformed CSeq header '{cseqText}'";
        }
        if (message.IsRequest)
        {
            if (!string.Equals(cseq.Method, message.Method, StringComparison.Ordinal))
            {
                return $"CSeq method {cseq.Method} does not match the request method {message.Method}";
            }
            if (headers.Get(SipHeaderNames.MaxForwards) is { } maxForwards && !SipSyntax.TryParseBoundedInt(maxForwards.Trim(), 255, out _))
            {
                return $"malformed Max-Forwards '{maxForwards}'";
            }
        }
        return null;
    }
}
