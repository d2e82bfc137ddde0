using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// Answers the requests the peer sends inside an established dialog (BYE, re-INVITE, INFO, OPTIONS, NOTIFY, REFER,
/// anything else), the same way on a call we received and a call we placed; what differs between the two is asked
/// of the <see cref="ISipInDialogLeg"/>. Runs under the endpoint's lock. One instance per dialog, built by either leg.
/// </summary>
internal sealed class SipInDialogRequestHandler(SipEndpoint endpoint, SipDialog dialog, SipOfferAnswer sdp, ISipInDialogLeg leg)
{
    /// <summary>True while our 200 to a re-INVITE without SDP carries an offer whose answer comes in the ACK.</summary>
    private bool _answerInAck;

    public void Handle(SipMessage request, SipServerTransaction transaction)
    {
        if (!dialog.AcceptRemoteCSeq(request.CSeq!.Value.Number))
        {
            endpoint.Respond(transaction, endpoint.Responses.Create(request, 500, "Server Internal Error - CSeq out of order"));
            return;
        }
        switch (request.Method)
        {
            case "BYE":
                endpoint.Respond(transaction, endpoint.Responses.Create(request, 200, "OK"));
                leg.ByeReceived();
                break;
            case "INVITE":
                OnReInvite(request, transaction);
                break;
            case "INFO":
                endpoint.Respond(transaction, SipInfoAnswer.For(endpoint.Responses, request, leg.InfoDigitReceived));
                break;
            case "OPTIONS":
                endpoint.Respond(transaction, endpoint.Responses.OptionsAnswer(request));
                break;
            case "NOTIFY":
                // RFC 6665 section 4.1.3: a NOTIFY matching no subscription of ours (the only ones are the implicit
                // subscriptions of our REFERs) gets 481, so the notifier stops.
                endpoint.Respond(transaction, leg.NotifyReceived(request)
                    ? endpoint.Responses.Create(request, 200, "OK")
                    : endpoint.Responses.Create(request, 481, "Subscription Does Not Exist"));
                break;
            case "REFER":
                // We act as transferor only (the agent hands the caller to a human). Acting on a REFER as transferee would
                // let whoever is on the line make this host dial any Refer-To target on our trunk (toll fraud), and the
                // agent's audio loop is bound to this session, so a new leg would have nobody to talk to: refused.
                endpoint.Respond(transaction, endpoint.Responses.Create(request, 403, "Forbidden - transfer requests are not accepted"));
                break;
            default:
                // UPDATE, MESSAGE...: not in our Allow, which a 405 must carry (RFC 3261 section 21.4.6).
                endpoint.Respond(transaction, endpoint.Responses.MethodNotAllowed(request));
                break;
        }
    }

    /// <summary>
    /// The ACK for our 200 to a re-INVITE: after a re-INVITE without SDP it carries the answer to the offer in our 200
    /// (RFC 3264 section 4). Returns why that answer is unusable (the leg then ends the call), or null.
    /// </summary>
    public string? OnAck(SipMessage ack)
    {
        if (!_answerInAck)
        {
            return null;
        }
        _answerInAck = false;
        return ack.Body.IsEmpty ? null : sdp.TakeAnswer(ack.Body.Span);
    }

    /// <summary>
    /// A re-INVITE: a target refresh (its Contact becomes the remote target) and, with SDP, a new offer (hold, unhold,
    /// codec change) answered from our codecs; without SDP our 200 offers and the ACK answers. A refused offer leaves
    /// the media and the remote target as they were.
    /// </summary>
    private void OnReInvite(SipMessage request, SipServerTransaction transaction)
    {
        if (leg.InitialInviteUnanswered)
        {
            // RFC 3261 section 14.2: a second INVITE before our final response to the first: 500 with a random Retry-After of 0-10 s.
            var pending = endpoint.Responses.Create(request, 500, "Server Internal Error - the first INVITE is still being answered");
            pending.Headers.Add(SipHeaderNames.RetryAfter, Random.Shared.Next(0, 11).ToString(System.Globalization.CultureInfo.InvariantCulture));
            endpoint.Respond(transaction, pending);
            return;
        }
        if (leg.AwaitingAck)
        {
            // RFC 3261 section 14.2: a new offer while our last 200 is not yet ACKed.
            endpoint.Respond(transaction, endpoint.Responses.Create(request, 491, "Request Pending"));
            return;
        }
        if (!request.Body.IsEmpty && !SipContentTypes.IsSdp(request.ContentType))
        {
            // RFC 3261 section 8.2.3: a body we cannot read is refused with what we can.
            var unsupported = endpoint.Responses.Create(request, 415, "Unsupported Media Type");
            unsupported.Headers.Add(SipHeaderNames.Accept, SipContentTypes.Sdp);
            endpoint.Respond(transaction, unsupported);
            return;
        }
        if (!request.Body.IsEmpty)
        {
            var negotiation = sdp.AnswerReOffer(request.Body.Span);
            if (!negotiation.Succeeded)
            {
                endpoint.Respond(transaction, endpoint.Responses.OfferRefusal(request, negotiation));
                return;
            }
        }
        // A target refresh takes effect only once the request is accepted (RFC 6141): a refused re-INVITE moves nothing.
        if (SipNameAddress.TryParse(request.Headers.Get(SipHeaderNames.Contact), out var contact))
        {
            dialog.RemoteTarget = contact.UriText;
            leg.RemoteTargetChanged();
        }
        // Without SDP our offer is the description we last sent, unchanged and so at the same version (RFC 3264 section 8).
        _answerInAck = request.Body.IsEmpty;
        var ok = endpoint.Responses.OkWithSdp(request, dialog.LocalTag, leg.Contact, sdp.LocalSdp!);
        endpoint.Respond(transaction, ok);
        leg.ReInviteAnswered(ok, transaction.Flow);
    }
}
