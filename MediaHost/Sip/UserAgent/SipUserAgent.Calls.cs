using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>New calls and their cancellation.</summary>
public sealed partial class SipUserAgent
{
    private long _sessionIds = Environment.TickCount64;

    private void HandleNewInvite(SipMessage invite, SipServerTransaction transaction)
    {
        if (_calls.IsMergedRequest(invite))
        {
            // RFC 3261 8.2.2.2: the same INVITE reached us again by another path (or a peer re-sent it with a new
            // branch). It is not a new call: answering it would start a second call on the same Call-ID.
            _endpoint.Respond(transaction, Responses.Create(invite, 482, "Loop Detected", SipIds.Tag()));
            return;
        }
        if (_draining || _calls.Count >= _options.MaxConcurrentCalls)
        {
            _endpoint.Respond(transaction, Responses.ServiceUnavailable(invite, _draining ? "shutting down" : "call limit reached", 30));
            return;
        }
        if (_options.CpuAdmission is { Overloaded: true } cpu)
        {
            _endpoint.Respond(transaction, Responses.ServiceUnavailable(invite, "CPU overloaded", (int)Math.Ceiling(cpu.RetryAfter.TotalSeconds)));
            return;
        }
        _endpoint.Respond(transaction, Responses.Create(invite, 100, "Trying"));
        var media = _media.TryAllocate(invite.CallId!);
        if (media is null)
        {
            _endpoint.Respond(transaction, Responses.ServiceUnavailable(invite, "media port pool exhausted", 30));
            return;
        }
        var sessionId = Interlocked.Increment(ref _sessionIds);
        var address = _endpoint.AdvertisedAddress(media.LocalEndpoint.Address);
        SdpNegotiation? negotiation = null;
        if (!invite.Body.IsEmpty)
        {
            if (!SipContentTypes.IsSdp(invite.ContentType))
            {
                _ = media.StopAsync();
                // RFC 3261 section 8.2.3: say what we do read.
                var unsupported = Responses.Create(invite, 415, "Unsupported Media Type", SipIds.Tag());
                unsupported.Headers.Add(SipHeaderNames.Accept, SipContentTypes.Sdp);
                _endpoint.Respond(transaction, unsupported);
                return;
            }
            negotiation = SdpNegotiator.Answer(System.Text.Encoding.UTF8.GetString(invite.Body.Span), media.Codecs, address, media.LocalEndpoint.Port, sessionId, 1, _options.MediaEncryption);
            if (!negotiation.Succeeded)
            {
                _ = media.StopAsync();
                _endpoint.Respond(transaction, Responses.OfferRefusal(invite, negotiation, SipIds.Tag()));
                SipUserAgentLog.OfferRefused(_logger, invite.CallId!, negotiation.FailureReason!);
                return;
            }
        }
        var dialog = SipDialog.ForUas(invite, SipIds.Tag());
        var leg = new SipInboundLeg(_endpoint, invite, transaction, dialog, media, negotiation, sessionId, SipCallParties.Of(invite, _options.ExposedHeaderPrefixes), _calls.Remove);
        _calls.Add(leg);
        SipUserAgentLog.CallArrived(_logger, invite.CallId!, leg.Codec);
        leg.Ring();
        _incoming.CallArrived(leg, media);
    }

    private void HandleCancel(SipMessage cancel, SipServerTransaction transaction)
    {
        var inviteKey = SipTransactionKeys.ForServer(cancel)!;
        inviteKey = inviteKey[..inviteKey.LastIndexOf('|')] + "|INVITE";
        if (_endpoint.FindServerTransaction(inviteKey) is not { } invite)
        {
            _endpoint.Respond(transaction, Responses.Create(cancel, 481, "Call/Transaction Does Not Exist", SipIds.Tag()));
            return;
        }
        _endpoint.Respond(transaction, Responses.Create(cancel, 200, "OK", SipIds.Tag()));
        _calls.RingingIn(invite)?.OnCancel();
    }
}
