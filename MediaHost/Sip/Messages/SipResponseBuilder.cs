namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>Builds responses to requests the way RFC 3261 section 8.2.6 requires: Via, From, To, Call-ID, CSeq copied.</summary>
public static class SipResponseBuilder
{
    public static SipMessage Create(SipMessage request, int statusCode, string reasonPhrase, string? toTag = null)
    {
        var response = SipMessage.Response(statusCode, reasonPhrase);
        var headers = response.Headers;
        headers.CopyFrom(request.Headers, SipHeaderNames.Via);
        headers.CopyFrom(request.Headers, SipHeaderNames.From);
        var to = request.Headers.Get(SipHeaderNames.To)!;
        if (toTag is not null && SipNameAddress.TryParse(to, out var toAddress) && toAddress.Tag is null && statusCode > 100)
        {
            toAddress.Parameters.Set("tag", toTag);
            to = toAddress.ToString();
        }
        headers.Add(SipHeaderNames.To, to);
        headers.CopyFrom(request.Headers, SipHeaderNames.CallId);
        headers.CopyFrom(request.Headers, SipHeaderNames.CSeq);
        return response;
    }

    /// <summary>
    /// A 400 for a malformed request, with the parser's reason in the reason phrase (and a Warning), when the request
    /// carried enough to route an answer (Via, From, To, Call-ID, CSeq); null when it can only be dropped.
    /// An ACK is never answered (RFC 3261 section 17.2.3).
    /// </summary>
    public static SipMessage? TryBadRequest(SipMessage? partial, string reason)
    {
        if (partial is not { IsRequest: true } || partial.Method == "ACK"
            || !SipVia.TryParse(partial.Headers.Get(SipHeaderNames.Via), out _)
            || !SipNameAddress.TryParse(partial.Headers.Get(SipHeaderNames.From), out _)
            || !SipNameAddress.TryParse(partial.Headers.Get(SipHeaderNames.To), out _)
            || string.IsNullOrWhiteSpace(partial.Headers.Get(SipHeaderNames.CallId))
            || !SipCSeq.TryParse(partial.Headers.Get(SipHeaderNames.CSeq), out _))
        {
            return null;
        }
        var safeReason = new string(reason.Where(c => c >= ' ' && c != 0x7F).Take(120).ToArray());
        var response = Create(partial, 400, "Bad Request - " + safeReason);
        response.Headers.Add(SipHeaderNames.Warning, "399 - " + SipSyntax.Quote(safeReason));
        return response;
    }
}
