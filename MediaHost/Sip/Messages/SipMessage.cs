using System.Text;

namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// A SIP request or response: start line, headers in order, and body bytes. Built by <see cref="SipParser"/>
/// or by code, written by <see cref="SipSerializer"/> (which always writes a correct Content-Length).
/// A parsed message keeps its bytes: the Request-URI, reason phrase and header values are decoded on first read.
/// </summary>
public sealed class SipMessage
{
    private string? _requestUri;
    private string? _reasonPhrase;

    /// <summary>The parsed bytes holding the Request-URI or reason phrase, decoded on first read (null once the URI is set by code).</summary>
    private byte[]? _startTextSource;
    private int _startTextStart;
    private int _startTextLength;
    private bool _startTextPlain;

    private SipMessage(string? method, string? requestUri, int statusCode, string? reasonPhrase, SipHeaderList headers)
    {
        Method = method;
        _requestUri = requestUri;
        StatusCode = statusCode;
        _reasonPhrase = reasonPhrase;
        Headers = headers;
    }

    public static SipMessage Request(string method, string requestUri, SipHeaderList? headers = null) =>
        new(method, requestUri, 0, null, headers ?? new SipHeaderList());

    public static SipMessage Response(int statusCode, string reasonPhrase, SipHeaderList? headers = null) =>
        new(null, null, statusCode, reasonPhrase, headers ?? new SipHeaderList());

    /// <summary>
    /// A message over parsed bytes: the Request-URI (requests) or reason phrase (responses) is the range
    /// <paramref name="textStart"/>/<paramref name="textLength"/> of <paramref name="source"/>; <paramref name="plain"/>
    /// says those bytes are printable ASCII, so they are their own UTF-8 form.
    /// </summary>
    internal static SipMessage Parsed(string? method, int statusCode, byte[] source, int textStart, int textLength, bool plain, SipHeaderList headers) =>
        new(method, null, statusCode, null, headers)
        {
            Source = source,
            _startTextSource = source,
            _startTextStart = textStart,
            _startTextLength = textLength,
            _startTextPlain = plain,
        };

    public bool IsRequest => Method is not null;

    /// <summary>The bytes a parsed message was read from (its headers and body point into them); null when built by code.</summary>
    internal byte[]? Source { get; private init; }

    /// <summary>The request method, case-sensitive as RFC 3261 requires (null for responses).</summary>
    public string? Method { get; }

    public string? RequestUri
    {
        get => _requestUri ?? (IsRequest && _startTextSource is not null ? _requestUri = DecodeStartText() : null);
        set
        {
            _requestUri = value;
            if (IsRequest)
            {
                _startTextSource = null;
            }
        }
    }

    /// <summary>The response status (0 for requests).</summary>
    public int StatusCode { get; }

    public string? ReasonPhrase => _reasonPhrase ?? (!IsRequest && _startTextSource is not null ? _reasonPhrase = DecodeStartText() : null);

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

    /// <summary>The Request-URI or reason phrase as received when it can be written back byte for byte.</summary>
    internal bool TryGetPlainStartText(out ReadOnlySpan<byte> text)
    {
        text = _startTextSource is not null && _startTextPlain ? _startTextSource.AsSpan(_startTextStart, _startTextLength) : default;
        return _startTextSource is not null && _startTextPlain;
    }

    /// <summary>A one-line summary for logs: never headers or body (they may carry credentials or numbers).</summary>
    public override string ToString() => IsRequest ? $"{Method} request" : $"{StatusCode} response";

    private string DecodeStartText() => Encoding.UTF8.GetString(_startTextSource.AsSpan(_startTextStart, _startTextLength));
}
