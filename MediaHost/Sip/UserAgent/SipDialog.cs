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

    /// <summary>A new request in this dialog; the caller adds Via (the transaction layer's job) and a body.</summary>
    public SipMessage CreateRequest(string method, string contact)
    {
        var request = SipMessage.Request(method, RemoteTarget);
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, LocalAddress + ";tag=" + LocalTag);
        request.Headers.Add(SipHeaderNames.To, RemoteAddress + (RemoteTag is null ? "" : ";tag=" + RemoteTag));
        request.Headers.Add(SipHeaderNames.CallId, CallId);
        request.Headers.Add(SipHeaderNames.CSeq, $"{++LocalCSeq} {method}");
        foreach (var route in RouteSet)
        {
            request.Headers.Add(SipHeaderNames.Route, route);
        }
        request.Headers.Add(SipHeaderNames.Contact, contact);
        return request;
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
