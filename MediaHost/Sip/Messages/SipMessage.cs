namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// A SIP request or response: start line, headers in order, and body bytes. Built by <see cref="SipParser"/>
/// or by code, written by <see cref="SipSerializer"/> (which always writes a correct Content-Length).
/// </summary>
public sealed class SipMessage
{
    private SipMessage(string? method, string? requestUri, int statusCode, string? reasonPhrase, SipHeaderList headers)
    {
        Method = method;
        RequestUri = requestUri;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        Headers = headers;
    }

    public static SipMessage Request(string method, string requestUri, SipHeaderList? headers = null) =>
        new(method, requestUri, 0, null, headers ?? new SipHeaderList());

    public static SipMessage Response(int statusCode, string reasonPhrase, SipHeaderList? headers = null) =>
        new(null, null, statusCode, reasonPhrase, headers ?? new SipHeaderList());

    public bool IsRequest => Method is not null;

    /// <summary>The request method, case-sensitive as RFC 3261 requires (null for responses).</summary>
    public string? Method { get; }

    public string? RequestUri { get; set; }

    /// <summary>The response status (0 for requests).</summary>
    public int StatusCode { get; }

    public string? ReasonPhrase { get; }

    public SipHeaderList Headers { get; }

    public ReadOnlyMemory<byte> Body { get; set; }

    public string? CallId => Headers.Get(SipHeaderNames.CallId);

    /// <summary>The CSeq method for responses (the method they answer), the request method otherwise.</summary>
    public string? TransactionMethod => IsRequest ? Method : SipCSeq.TryParse(Headers.Get(SipHeaderNames.CSeq), out var c) ? c.Method : null;

    public SipCSeq? CSeq => SipCSeq.TryParse(Headers.Get(SipHeaderNames.CSeq), out var cseq) ? cseq : null;

    public SipVia? TopVia => SipVia.TryParse(Headers.Get(SipHeaderNames.Via), out var via) ? via : null;

    public SipNameAddress? From => SipNameAddress.TryParse(Headers.Get(SipHeaderNames.From), out var from) ? from : null;

    public SipNameAddress? To => SipNameAddress.TryParse(Headers.Get(SipHeaderNames.To), out var to) ? to : null;

    public string? ContentType => Headers.Get(SipHeaderNames.ContentType);

    /// <summary>A one-line summary for logs: never headers or body (they may carry credentials or numbers).</summary>
    public override string ToString() => IsRequest ? $"{Method} request" : $"{StatusCode} response";
}
