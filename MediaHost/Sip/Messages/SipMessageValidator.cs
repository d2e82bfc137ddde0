namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// The checks after syntax (RFC 3261 section 8.2 and 16.3): the mandatory headers exist and parse, and CSeq's
/// method matches the request's. Returns the reason for the 400, or null when the message is usable.
/// The checks read the values as characters and build nothing, so a valid message costs no allocation here.
/// </summary>
public static class SipMessageValidator
{
    /// <summary>Headers a message carries at most once (Content-Length is checked for conflicts while framing).</summary>
    private static readonly string[] SingleValued =
        [SipHeaderNames.CallId, SipHeaderNames.CSeq, SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.MaxForwards, SipHeaderNames.ContentType];

    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static string? Validate(SipMessage message) => Validate(message, stackalloc char[256]);

    /// <summary>The same, with room on the caller's stack to read plain values that fit in <paramref name="scratch"/>.</summary>
    internal static string? Validate(SipMessage message, Span<char> scratch)
    {
        var headers = message.Headers;
        foreach (var single in SingleValued)
        {
            // RFC 3261 section 7.3.1 and RFC 4475 3.3.7: which of two Call-IDs or CSeqs would a dialog be? Neither.
            if (headers.Occurrences(single) > 1)
            {
                return $"more than one {single} header";
            }
        }
        if (!headers.TryGetFirst(SipHeaderNames.Via, scratch, out var via))
        {
            return "missing Via header";
        }
        if (!SipVia.IsValid(via))
        {
            return "malformed Via header";
        }
        foreach (var name in (ReadOnlySpan<string>)[SipHeaderNames.From, SipHeaderNames.To])
        {
            if (!headers.TryGetFirst(name, scratch, out var address))
            {
                return $"missing {name} header";
            }
            if (!SipNameAddress.IsValid(address))
            {
                return $"malformed {name} header";
            }
        }
        if (!headers.TryGetFirst(SipHeaderNames.CallId, scratch, out var callId) || callId.IsWhiteSpace())
        {
            return "missing Call-ID header";
        }
        if (!headers.TryGetFirst(SipHeaderNames.CSeq, scratch, out var cseqText))
        {
            return "missing CSeq header";
        }
        if (!SipCSeq.TryParse(cseqText, out _, out var cseqMethod))
        {
            return $"malformed CSeq header '{cseqText}'";
        }
        if (message.IsRequest)
        {
            if (!cseqMethod.SequenceEqual(message.Method))
            {
                return $"CSeq method {cseqMethod} does not match the request method {message.Method}";
            }
            if (headers.TryGetFirst(SipHeaderNames.MaxForwards, scratch, out var maxForwards) && !SipSyntax.TryParseBoundedInt(maxForwards.Trim(), 255, out _))
            {
                return $"malformed Max-Forwards '{maxForwards}'";
            }
        }
        return null;
    }
}
