using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// Dialog state (RFC 3261 section 12): Call-ID, both tags, both URIs, the remote target, the route set and the
/// CSeq counters; it builds in-dialog requests. Pure data: sending belongs to the call.
/// </summary>
public sealed class SipDialog
{
    public required string CallId { get; init; }

    public required string LocalTag { get; init; }

    public string? RemoteTag { get; set; }

    /// <summary>Our name-addr without the tag (the To of the INVITE we answered, or the From we sent).</summary>
    public required string LocalAddress { get; init; }

    public required string RemoteAddress { get; init; }

    /// <summary>The peer's Contact URI: the Request-URI of our in-dialog requests.</summary>
    public required string RemoteTarget { get; set; }

    /// <summary>Route headers for our requests, in the order to send them.</summary>
    public List<string> RouteSet { get; init; } = [];

    public int LocalCSeq { get; set; }

    public int RemoteCSeq { get; set; }

    /// <summary>The dialog as the UAS of <paramref name="invite"/> (our tag goes into To).</summary>
    public static SipDialog ForUas(SipMessage invite, string localTag)
    {
        var contact = invite.Headers.Get(SipHeaderNames.Contact);
        var target = SipNameAddress.TryParse(contact, out var contactAddress) ? contactAddress.UriText : invite.From!.UriText;
        return new SipDialog
        {
            CallId = invite.CallId!,
            LocalTag = localTag,
            RemoteTag = invite.From!.Tag,
            LocalAddress = WithoutTag(invite.To!),
            RemoteAddress = WithoutTag(invite.From!),
            RemoteTarget = target,
            RouteSet = [.. invite.Headers.GetAll(SipHeaderNames.RecordRoute)],
            LocalCSeq = Random.Shared.Next(1, 10_000),
            RemoteCSeq = invite.CSeq!.Value.Number,
        };
    }

    /// <summary>
    /// True when the first hop of the route set is a strict router (its URI lacks ";lr", RFC 2543 style): requests
    /// then carry that URI as Request-URI and the remote target as the last Route (RFC 3261 section 12.2.1.1).
    /// </summary>
    public bool FirstHopIsStrictRouter =>
        RouteSet.Count > 0 && SipNameAddress.TryParse(RouteSet[0], out var first) && first.Uri is { } uri && !uri.Parameters.Contains("lr");

    /// <summary>The URI whose address the request is sent to: the first route when there is a route set, else the remote target.</summary>
    public string NextHopUri => RouteSet.Count > 0 && SipNameAddress.TryParse(RouteSet[0], out var first) ? first.UriText : RemoteTarget;

    /// <summary>A new request in this dialog; the caller adds Via (the transaction layer's job) and a body.</summary>
    public SipMessage CreateRequest(string method, string contact)
    {
        var request = Build(method, ++LocalCSeq);
        request.Headers.Add(SipHeaderNames.Contact, contact);
        return request;
    }

    /// <summary>The ACK for a 2xx to our INVITE numbered <paramref name="inviteCSeq"/> (RFC 3261 section 13.2.2.4).</summary>
    public SipMessage CreateAck(int inviteCSeq) => Build("ACK", inviteCSeq, "ACK");

    private SipMessage Build(string method, int cseq, string? cseqMethod = null)
    {
        var strict = FirstHopIsStrictRouter;
        var request = SipMessage.Request(method, strict ? RequestUriOf(RouteSet[0]) : RemoteTarget);
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, LocalAddress + ";tag=" + LocalTag);
        request.Headers.Add(SipHeaderNames.To, RemoteAddress + (RemoteTag is null ? "" : ";tag=" + RemoteTag));
        request.Headers.Add(SipHeaderNames.CallId, CallId);
        request.Headers.Add(SipHeaderNames.CSeq, $"{cseq} {cseqMethod ?? method}");
        for (var i = strict ? 1 : 0; i < RouteSet.Count; i++)
        {
            request.Headers.Add(SipHeaderNames.Route, RouteSet[i]);
        }
        if (strict)
        {
            request.Headers.Add(SipHeaderNames.Route, "<" + RemoteTarget + ">");
        }
        return request;
    }

    /// <summary>A strict router's URI as a Request-URI: without the parameters a Request-URI may not carry (method) and without headers.</summary>
    private static string RequestUriOf(string route)
    {
        if (!SipNameAddress.TryParse(route, out var address) || address.Uri is not { } uri)
        {
            return route;
        }
        var parameters = new SipParameters();
        foreach (var (name, value) in uri.Parameters.Items)
        {
            if (!name.Equals("method", StringComparison.OrdinalIgnoreCase))
            {
                parameters.Set(name, value);
            }
        }
        return new SipUri { Scheme = uri.Scheme, User = uri.User, Host = uri.Host, Port = uri.Port, Parameters = parameters }.ToString();
    }

    /// <summary>Checks an in-dialog request's CSeq: it must grow (RFC 3261 section 12.2.2); retransmissions are caught earlier.</summary>
    public bool AcceptRemoteCSeq(int cseq)
    {
        if (cseq <= RemoteCSeq)
        {
            return false;
        }
        RemoteCSeq = cseq;
        return true;
    }

    private static string WithoutTag(SipNameAddress address)
    {
        var copy = new SipNameAddress { DisplayName = address.DisplayName, UriText = address.UriText };
        foreach (var (name, value) in address.Parameters.Items)
        {
            if (!name.Equals("tag", StringComparison.OrdinalIgnoreCase))
            {
                copy.Parameters.Set(name, value);
            }
        }
        return copy.ToString();
    }
}
