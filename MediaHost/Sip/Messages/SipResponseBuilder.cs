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
    /// A 400 for a malformed request, with the parser's reason in the reason phrase (and a Warning); null when it can
    /// only be dropped. See <see cref="TryReject(SipReadResult)"/>.
    /// </summary>
    public static SipMessage? TryBadRequest(SipMessage? partial, string reason) => TryReject(partial, 400, reason);

    /// <summary>The answer to a malformed read: its reject status (400, or 505 for a version) and its reason.</summary>
    public static SipMessage? TryReject(SipReadResult result) =>
        result.Status == SipReadStatus.Invalid ? TryReject(result.Partial, result.RejectStatus, result.Error ?? "malformed") : null;

    /// <summary>
    /// The answer to a malformed request (RFC 3261 sections 8.2 and 21.4.1): <paramref name="status"/> with the reason
    /// in the reason phrase and a Warning. A request is answerable when its method and a well-formed top Via could be
    /// read (the Via is where the answer goes); From, To, Call-ID and CSeq are copied as received when present, even
    /// when they are what is malformed, so the sender can match the answer to its request. An ACK is never answered
    /// (RFC 3261 section 17.2.3); a response is never answered. Null when the request can only be dropped.
    /// </summary>
    public static SipMessage? TryReject(SipMessage? partial, int status, string reason)
    {
        if (partial is not { IsRequest: true } || partial.Method == "ACK"
            || !SipVia.TryParse(partial.Headers.Get(SipHeaderNames.Via), out _))
        {
            return null;
        }
        var safeReason = new string(reason.Where(c => c >= ' ' && c != 0x7F).Take(120).ToArray());
        var response = SipMessage.Response(status, (status == 505 ? "Version Not Supported - " : "Bad Request - ") + safeReason);
        var headers = response.Headers;
        headers.CopyFrom(partial.Headers, SipHeaderNames.Via);
        foreach (var name in (ReadOnlySpan<string>)[SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq])
        {
            // Only the first of a duplicated header: the answer itself must not carry the fault it reports.
            if (partial.Headers.Get(name) is { } value)
            {
                headers.Add(name, value);
            }
        }
        headers.Add(SipHeaderNames.Warning, "399 - " + SipSyntax.Quote(safeReason));
        return response;
    }
}
