using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// New calls to us and their cancellation: admits an INVITE (not a merged request, not draining, under the call limit
/// and the CPU guard), reserves its media, answers its SDP offer and hands the ringing leg to the call layer through
/// <see cref="ISipIncomingCallSink"/>; a CANCEL stops the INVITE it names. Runs under the endpoint's lock (the user
/// agent routes to it from there).
/// </summary>
internal sealed class SipIncomingInvites(SipEndpoint endpoint, SipUserAgentOptions options, IMediaSessionFactory media, ISipIncomingCallSink incoming,
    SipCallTable calls, SdpSessionIds sessionIds, ILogger logger)
{
    private SipResponses Responses => endpoint.Responses;

    /// <summary>While draining (graceful shutdown) new INVITEs get 503 and OPTIONS probes say so; calls in progress go on.</summary>
    public bool Draining { get; set; }

    public void OnInvite(SipMessage invite, SipServerTransaction transaction)
    {
        if (calls.IsMergedRequest(invite))
        {
            // RFC 3261 8.2.2.2: the same INVITE reached us again by another path (or a peer re-sent it with a new
            // branch). It is not a new call: answering it would start a second call on the same Call-ID.
            endpoint.Respond(transaction, Responses.Create(invite, 482, "Loop Detected", SipIds.Tag()));
            return;
        }
        if (Draining || calls.Count >= options.MaxConcurrentCalls)
        {
            endpoint.Respond(transaction, Responses.ServiceUnavailable(invite, Draining ? "shutting down" : "call limit reached", 30));
            return;
        }
        if (options.CpuAdmission is { Overloaded: true } cpu)
        {
            endpoint.Respond(transaction, Responses.ServiceUnavailable(invite, "CPU overloaded", (int)Math.Ceiling(cpu.RetryAfter.TotalSeconds)));
            return;
        }
        endpoint.Respond(transaction, Responses.Create(invite, 100, "Trying"));
        var session = media.TryAllocate(invite.CallId!);
        if (session is null)
        {
            endpoint.Respond(transaction, Responses.ServiceUnavailable(invite, "media port pool exhausted", 30));
            return;
        }
        var sessionId = sessionIds.Next();
        if (!TryAnswerOffer(invite, transaction, session, sessionId, out var negotiation))
        {
            _ = session.StopAsync();
            return;
        }
        var dialog = SipDialog.ForUas(invite, SipIds.Tag());
        var leg = new SipInboundLeg(endpoint, invite, transaction, dialog, session, negotiation, sessionId, SipCallParties.Of(invite, options.ExposedHeaderPrefixes), calls.Remove);
        calls.Add(leg);
        SipUserAgentLog.CallArrived(logger, invite.CallId!, leg.Codec);
        leg.Ring();
        incoming.CallArrived(leg, session);
    }

    public void OnCancel(SipMessage cancel, SipServerTransaction transaction)
    {
        var inviteKey = SipTransactionKeys.ForServer(cancel)!;
        inviteKey = inviteKey[..inviteKey.LastIndexOf('|')] + "|INVITE";
        if (endpoint.FindServerTransaction(inviteKey) is not { } invite)
        {
            endpoint.Respond(transaction, Responses.Create(cancel, 481, "Call/Transaction Does Not Exist", SipIds.Tag()));
            return;
        }
        endpoint.Respond(transaction, Responses.Create(cancel, 200, "OK", SipIds.Tag()));
        calls.RingingIn(invite)?.OnCancel();
    }

    // The INVITE's offer, if it has one (an INVITE without a body gets our offer in the 200): false when it was refused.
    private bool TryAnswerOffer(SipMessage invite, SipServerTransaction transaction, IMediaSession session, long sessionId, out SdpNegotiation? negotiation)
    {
        negotiation = null;
        if (invite.Body.IsEmpty)
        {
            return true;
        }
        if (!SipContentTypes.IsSdp(invite.ContentType))
        {
            // RFC 3261 section 8.2.3: say what we do read.
            var unsupported = Responses.Create(invite, 415, "Unsupported Media Type", SipIds.Tag());
            unsupported.Headers.Add(SipHeaderNames.Accept, SipContentTypes.Sdp);
            endpoint.Respond(transaction, unsupported);
            return false;
        }
        var address = endpoint.AdvertisedAddress(session.LocalEndpoint.Address);
        negotiation = SdpNegotiator.Answer(System.Text.Encoding.UTF8.GetString(invite.Body.Span), session.Codecs, address, session.LocalEndpoint.Port, sessionId, 1, options.MediaEncryption);
        if (negotiation.Succeeded)
        {
            return true;
        }
        endpoint.Respond(transaction, Responses.OfferRefusal(invite, negotiation, SipIds.Tag()));
        SipUserAgentLog.OfferRefused(logger, invite.CallId!, negotiation.FailureReason!);
        return false;
    }
}
