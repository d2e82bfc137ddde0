using System.Text;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Requests the callee sends in the dialog of a call we placed: BYE, re-INVITE, INFO, OPTIONS, NOTIFY, and ACKs.</summary>
internal sealed partial class SipOutboundCall
{
    /// <summary>True while our 200 to a body-less re-INVITE carries an offer whose answer comes in the ACK.</summary>
    private bool _answerInAck;

    public void OnRetransmitted2xx(SipMessage response)
    {
        if (_ack is not null && _dialogFlow is not null)
        {
            _ack.Headers.Remove(SipHeaderNames.Via);
            _ua.SendRequest(_ack, _dialogFlow, _ => { });
        }
    }

    /// <summary>The ACK for our 200 to a re-INVITE: stop retransmitting; after a body-less re-INVITE it carries the answer.</summary>
    public void OnAck(SipMessage ack)
    {
        _okRetransmitter.Stop();
        if (!_answerInAck || _over)
        {
            return;
        }
        _answerInAck = false;
        if (ack.Body.IsEmpty)
        {
            return;
        }
        var answer = SdpNegotiator.ReadAnswer(Encoding.UTF8.GetString(ack.Body.Span), _media.Codecs);
        if (answer.Media is null)
        {
            Hangup(CallEndReason.Error, 488, "the ACK's SDP answer was unusable: " + answer.FailureReason);
            return;
        }
        _negotiated = answer.Media;
        _media.Update(answer.Media);
    }

    public void OnRequest(SipMessage request, SipServerTransaction transaction)
    {
        if (_dialog is null || _over)
        {
            _ua.Respond(transaction, _ua.Response(request, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        if (!_dialog.AcceptRemoteCSeq(request.CSeq!.Value.Number))
        {
            _ua.Respond(transaction, _ua.Response(request, 500, "Server Internal Error - CSeq out of order"));
            return;
        }
        switch (request.Method)
        {
            case "BYE":
                _ua.Respond(transaction, _ua.Response(request, 200, "OK"));
                End(CallEndReason.CallerHangUp, null, "BYE from the callee");
                break;
            case "INVITE":
                OnReInvite(request, transaction);
                break;
            case "INFO" when DtmfInfoParser.TryParse(request.ContentType, request.Body.Span, out var digit):
                _dtmf.Writer.TryWrite(digit);
                _ua.Respond(transaction, _ua.Response(request, 200, "OK"));
                break;
            case "OPTIONS" or "INFO" or "NOTIFY":
                _ua.Respond(transaction, _ua.Response(request, 200, "OK"));
                break;
            case "REFER":
                // We act as transferor only (the agent hands the caller to a human). Acting on a REFER as transferee would
                // let whoever is on the line make this host dial any Refer-To target on our trunk (toll fraud), and the
                // agent's audio loop is bound to this session, so a new leg would have nobody to talk to: refused.
                _ua.Respond(transaction, _ua.Response(request, 403, "Forbidden - transfer requests are not accepted"));
                break;
            default:
                _ua.Respond(transaction, _ua.Response(request, 405, "Method Not Allowed"));
                break;
        }
    }

    /// <summary>
    /// A re-INVITE from the callee: a target refresh (its Contact becomes the remote target) and, with SDP, a new
    /// offer (hold, unhold, codec change) answered from our codecs; refused offers leave the media as it was.
    /// </summary>
    private void OnReInvite(SipMessage request, SipServerTransaction transaction)
    {
        if (_okRetransmitter.AwaitingAck)
        {
            // RFC 3261 section 14.2: a new offer while our last 200 is not yet ACKed.
            _ua.Respond(transaction, _ua.Response(request, 491, "Request Pending"));
            return;
        }
        if (SipNameAddress.TryParse(request.Headers.Get(SipHeaderNames.Contact), out var contact))
        {
            _dialog!.RemoteTarget = contact.UriText;
            _dialogFlow = _flow with { Remote = SipNextHop.For(_dialog, _flow.Remote) };
        }
        _answerInAck = request.Body.IsEmpty;
        if (!request.Body.IsEmpty)
        {
            var negotiation = SdpNegotiator.Answer(Encoding.UTF8.GetString(request.Body.Span), _media.Codecs,
                _ua.AdvertisedAddress(_media.LocalEndpoint.Address), _media.LocalEndpoint.Port, _sessionId, _sdpVersion + 1);
            if (!negotiation.Succeeded)
            {
                _ua.Respond(transaction, _ua.OfferRefusal(request, negotiation));
                return;
            }
            _sdpVersion++;
            _localSdp = negotiation.AnswerSdp!;
            _negotiated = negotiation.Media;
            _media.Update(_negotiated!);
        }
        var ok = _ua.Response(request, 200, "OK", _localTag);
        ok.Headers.Add(SipHeaderNames.Contact, _ua.Contact(_flow.Transport));
        ok.Headers.Add(SipHeaderNames.Allow, SipUserAgentOptions.Allow);
        ok.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        ok.Body = Encoding.UTF8.GetBytes(_localSdp);
        _ua.Respond(transaction, ok);
        _okRetransmitter.Start(ok, transaction.Flow, () => Hangup(CallEndReason.Error, 408, "no ACK for our 200 OK to the re-INVITE within 64*T1"));
    }
}
