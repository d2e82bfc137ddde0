using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Requests we send: each in a client transaction of its own.</summary>
public sealed partial class SipUserAgent
{
    /// <summary>Sends a request in a new client transaction (adds our Via with a fresh branch).</summary>
    internal void SendRequest(SipMessage request, SipFlow flow, Action<SipMessage> onResponse)
    {
        var branch = SipIds.Branch();
        request.Headers.AddFirst(SipHeaderNames.Via, $"SIP/2.0/{flow.Transport.Protocol} {SentBy(flow.Transport)};branch={branch};rport");
        SendInClientTransaction(request, branch, flow, onResponse);
    }

    /// <summary>
    /// Sends a request that already carries its top Via with <paramref name="branch"/> (ours, or the INVITE's for a CANCEL):
    /// stamps User-Agent, counts and observes it, and runs a client transaction for it (an ACK has none).
    /// </summary>
    internal void SendInClientTransaction(SipMessage request, string branch, SipFlow flow, Action<SipMessage> onResponse)
    {
        request.Headers.Set(SipHeaderNames.UserAgent, _options.ProductName);
        _metrics.Request(request.Method!);
        _options.MessageObserver?.Observe(request, sent: true);
        if (request.Method == "ACK")
        {
            flow.Send(request);
            return;
        }
        var key = SipTransactionKeys.ForClientRequest(branch, request.Method!);
        var transaction = new SipClientTransaction(key, request, flow, Clock, onResponse, t => _clientTransactions.Remove(t.Key));
        _clientTransactions[key] = transaction;
        transaction.Start();
    }
}
