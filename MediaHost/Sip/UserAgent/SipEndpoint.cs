using System.Net;
using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// The SIP endpoint below the user agent and the call legs: the one lock, the timers, the transaction tables, sending
/// requests and responses within their transactions, and our own addresses (Via sent-by, Contact). It knows nothing of
/// calls; the user agent routes to the legs, and the legs use this to speak.
/// </summary>
internal sealed class SipEndpoint
{
    private readonly Dictionary<string, SipServerTransaction> _serverTransactions = [];
    private readonly Dictionary<string, SipClientTransaction> _clientTransactions = [];

    public SipEndpoint(SipUserAgentOptions options, TimeProvider time, ILogger logger, SipMetrics metrics)
    {
        Options = options;
        Logger = logger;
        Metrics = metrics;
        Clock = new SipClock(time, options.Timers, Lock);
        Responses = new SipResponses(options.ProductName);
    }

    /// <summary>The stack's one lock: protocol state changes only under it; datagrams leave once it is released.</summary>
    public SipLock Lock { get; } = new();

    public SipClock Clock { get; }

    public SipUserAgentOptions Options { get; }

    public ILogger Logger { get; }

    public SipMetrics Metrics { get; }

    public SipResponses Responses { get; }

    /// <summary>Takes the stack lock until the scope is disposed (then what was sent under it leaves).</summary>
    public SipLock.Scope Enter() => Lock.Enter();

    /// <summary>Client transactions still waiting for their final response.</summary>
    public int PendingClientTransactions
    {
        get
        {
            using (Enter())
            {
                // Answered transactions linger (Timer K) only to absorb retransmitted responses: they are done.
                return _clientTransactions.Values.Count(t => t.State is not (SipTransactionState.Completed or SipTransactionState.Terminated));
            }
        }
    }

    public SipServerTransaction? FindServerTransaction(string key) => _serverTransactions.GetValueOrDefault(key);

    public SipServerTransaction NewServerTransaction(string key, SipMessage request, SipFlow flow)
    {
        var transaction = new SipServerTransaction(key, request, flow, Clock, Lock, t => _serverTransactions.Remove(t.Key));
        _serverTransactions[key] = transaction;
        return transaction;
    }

    /// <summary>Hands a response to the client transaction it answers; false when none matches.</summary>
    public bool ReceiveResponse(SipMessage response)
    {
        var key = SipTransactionKeys.ForClientResponse(response);
        if (key is null || !_clientTransactions.TryGetValue(key, out var transaction))
        {
            return false;
        }
        transaction.Receive(response);
        return true;
    }

    /// <summary>Sends <paramref name="response"/> in its server transaction (which retransmits it as the RFC asks).</summary>
    public void Respond(SipServerTransaction transaction, SipMessage response)
    {
        Metrics.Response(transaction.Request.Method!, response.StatusCode);
        Options.MessageObserver?.Observe(response, sent: true);
        transaction.Respond(response);
    }

    /// <summary>Sends a response outside any transaction (to a malformed or refused request).</summary>
    public void SendStateless(SipMessage response, SipFlow flow)
    {
        Metrics.Response(response.CSeq?.Method ?? "?", response.StatusCode);
        Options.MessageObserver?.Observe(response, sent: true);
        Lock.Send(flow, SipSerializer.Serialize(response));
    }

    /// <summary>Sends bytes already serialized (a 2xx the call retransmits itself).</summary>
    public void Send(SipFlow flow, byte[] datagram) => Lock.Send(flow, datagram);

    /// <summary>Sends a request in a new client transaction (adds our Via with a fresh branch).</summary>
    public void SendRequest(SipMessage request, SipFlow flow, Action<SipMessage> onResponse)
    {
        var branch = SipIds.Branch();
        request.Headers.AddFirst(SipHeaderNames.Via, $"SIP/2.0/{flow.Transport.Protocol} {SentBy(flow.Transport)};branch={branch};rport");
        SendInClientTransaction(request, branch, flow, onResponse);
    }

    /// <summary>
    /// Sends a request that already carries its top Via with <paramref name="branch"/> (ours, or the INVITE's for a CANCEL):
    /// stamps User-Agent, counts and observes it, and runs a client transaction for it (an ACK has none).
    /// </summary>
    public void SendInClientTransaction(SipMessage request, string branch, SipFlow flow, Action<SipMessage> onResponse)
    {
        request.Headers.Set(SipHeaderNames.UserAgent, Options.ProductName);
        Metrics.Request(request.Method!);
        Options.MessageObserver?.Observe(request, sent: true);
        if (request.Method == "ACK")
        {
            Lock.Send(flow, SipSerializer.Serialize(request));
            return;
        }
        var key = SipTransactionKeys.ForClientRequest(branch, request.Method!);
        var transaction = new SipClientTransaction(key, request, flow, Clock, Lock, onResponse, t => _clientTransactions.Remove(t.Key));
        _clientTransactions[key] = transaction;
        transaction.Start();
    }

    /// <summary>
    /// CANCEL for an INVITE we sent (RFC 3261 section 9.1): the INVITE's Request-URI, Call-ID, From, To, CSeq number,
    /// Route headers and top Via (so the same branch), in its own client transaction.
    /// </summary>
    public void SendCancel(SipMessage invite, SipFlow flow)
    {
        var cancel = SipMessage.Request("CANCEL", invite.RequestUri!);
        cancel.Headers.Add(SipHeaderNames.Via, invite.Headers.Get(SipHeaderNames.Via)!);
        cancel.Headers.Add(SipHeaderNames.MaxForwards, "70");
        cancel.Headers.CopyFrom(invite.Headers, SipHeaderNames.From);
        cancel.Headers.CopyFrom(invite.Headers, SipHeaderNames.To);
        cancel.Headers.CopyFrom(invite.Headers, SipHeaderNames.CallId);
        cancel.Headers.Add(SipHeaderNames.CSeq, $"{invite.CSeq!.Value.Number} CANCEL");
        cancel.Headers.CopyFrom(invite.Headers, SipHeaderNames.Route);
        SendInClientTransaction(cancel, invite.TopVia!.Branch!, flow, _ => { });
    }

    public string SentBy(ISipTransport transport) => $"{AdvertisedAddress(transport.LocalEndpoint.Address)}:{transport.LocalEndpoint.Port}";

    public string Contact(ISipTransport transport) =>
        $"<sip:{Options.ContactUser}@{SentBy(transport)}{(transport.IsReliable ? ";transport=" + transport.Protocol.ToLowerInvariant() : "")}>";

    public IPAddress AdvertisedAddress(IPAddress bound) =>
        Options.AdvertisedAddress ?? (bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback : bound);
}
