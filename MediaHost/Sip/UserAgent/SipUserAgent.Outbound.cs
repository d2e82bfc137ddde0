using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Placing calls (direct mode).</summary>
public sealed partial class SipUserAgent
{
    /// <summary>
    /// Places a call and completes when it is answered (the live session) or fails (<see cref="SipCallFailedException"/>
    /// with the SIP status). Goes over TCP when the target says ";transport=tcp", else over UDP. Cancelling <paramref name="cancellationToken"/> before the answer
    /// CANCELs the INVITE (a ring timeout is the caller's token with a delay).
    /// </summary>
    public Task<ICallSession> PlaceCallAsync(SipOutboundCallRequest request, CancellationToken cancellationToken)
    {
        var transport = TransportFor(request.Target);
        var media = _media.TryAllocate("outbound") ?? throw new SipCallFailedException(503, "media port pool exhausted");
        SipOutboundCall call;
        lock (_gate)
        {
            call = new SipOutboundCall(this, request, media, new SipFlow(transport, request.Destination), Interlocked.Increment(ref _sessionIds));
            AddCall(call);
            call.Start();
        }
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(call.CancelBeforeAnswer);
            call.Answered.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return call.Answered.WaitAsync(cancellationToken);
    }

    /// <summary>The transport a target asks for: TCP for ";transport=tcp" (refused when we have none), else UDP when we have it.</summary>
    private ISipTransport TransportFor(string target)
    {
        var tcp = SipUri.TryParse(target, out var uri) && string.Equals(uri.Parameters.Get("transport"), "tcp", StringComparison.OrdinalIgnoreCase);
        return tcp
            ? _transports.FirstOrDefault(t => t.IsReliable) ?? throw new SipCallFailedException(503, "the target asks for TCP and SIP over TCP is not enabled")
            : _transports.FirstOrDefault(t => !t.IsReliable) ?? _transports[0];
    }

    /// <summary>
    /// CANCEL for an INVITE we sent (RFC 3261 section 9.1): the INVITE's Request-URI, Call-ID, From, To, CSeq number,
    /// Route headers and top Via (so the same branch), in its own client transaction.
    /// </summary>
    internal void SendCancel(SipMessage invite, SipFlow flow)
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
}
