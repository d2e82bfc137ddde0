using System.Runtime.CompilerServices;
using System.Text;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>In-dialog requests (BYE, re-INVITE, INFO, NOTIFY, REFER) and the session surface the audio loop uses.</summary>
internal sealed partial class SipInboundCall
{
    private TaskCompletionSource<TransferResult>? _transfer;

    public void OnRequest(SipMessage request, SipServerTransaction transaction)
    {
        if (!_dialog.AcceptRemoteCSeq(request.CSeq!.Value.Number))
        {
            _ua.Respond(transaction, _ua.Response(request, 500, "Server Internal Error - CSeq out of order"));
            return;
        }
        switch (request.Method)
        {
            case "BYE":
                _ua.Respond(transaction, _ua.Response(request, 200, "OK"));
                End(CallEndReason.CallerHangUp, null, "BYE from the caller");
                break;
            case "INVITE":
                OnReInvite(request, transaction);
                break;
            case "INFO":
                if (request.Body.IsEmpty || DtmfInfoParser.TryParse(request.ContentType, request.Body.Span, out var digit) && _dtmf.Writer.TryWrite(digit))
                {
                    _ua.Respond(transaction, _ua.Response(request, 200, "OK"));
                }
                else
                {
                    _ua.Respond(transaction, _ua.Response(request, 415, "Unsupported Media Type"));
                }
                break;
            case "NOTIFY":
                _ua.Respond(transaction, _ua.Response(request, 200, "OK"));
                OnReferProgress(request);
                break;
            case "REFER":
                // We act as transferor only (the agent hands the caller to a human). Acting on a REFER as transferee would
                // let whoever is on the line make this host dial any Refer-To target on our trunk (toll fraud), and the
                // agent's audio loop is bound to this session, so a new leg would have nobody to talk to: refused.
                _ua.Respond(transaction, _ua.Response(request, 403, "Forbidden - transfer requests are not accepted"));
                break;
            case "OPTIONS":
                _ua.Respond(transaction, _ua.Response(request, 200, "OK"));
                break;
            default:
                _ua.Respond(transaction, _ua.Response(request, 405, "Method Not Allowed"));
                break;
        }
    }

    private void OnReInvite(SipMessage request, SipServerTransaction transaction)
    {
        if (_state != CallState.Confirmed)
        {
            // RFC 3261 section 14.2: an offer while ours is unanswered (our 200 not yet ACKed).
            var pending = _ua.Response(request, 491, "Request Pending");
            _ua.Respond(transaction, pending);
            return;
        }
        if (SipNameAddress.TryParse(request.Headers.Get(SipHeaderNames.Contact), out var contact))
        {
            _dialog.RemoteTarget = contact.UriText;
        }
        if (!request.Body.IsEmpty)
        {
            var negotiation = SdpNegotiator.Answer(Encoding.UTF8.GetString(request.Body.Span), _media.Codecs,
                _ua.AdvertisedAddress(_media.LocalEndpoint.Address), _media.LocalEndpoint.Port, _sessionId, _sdpVersion + 1);
            if (!negotiation.Succeeded)
            {
                // The call continues with the media it had (RFC 3264 section 8: a refused re-offer changes nothing).
                _ua.Respond(transaction, _ua.OfferRefusal(request, negotiation));
                return;
            }
            _sdpVersion++;
            _localSdp = negotiation.AnswerSdp;
            _negotiated = negotiation.Media;
            _media.Update(_negotiated!);
        }
        var ok = OkWithSdp(request);
        _ua.Respond(transaction, ok);
        _state = CallState.Answered;
        StartOkRetransmission(ok);
    }

    private void OnReferProgress(SipMessage notify)
    {
        if (_transfer is null || notify.Headers.Get(SipHeaderNames.Event)?.StartsWith("refer", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }
        // The body is a message/sipfrag status line: "SIP/2.0 200 OK".
        var fragment = Encoding.UTF8.GetString(notify.Body.Span).Split('\n')[0].Trim();
        var parts = fragment.Split(' ', 3);
        if (parts.Length < 2 || !int.TryParse(parts[1], out var status) || status < 200)
        {
            return;
        }
        _transfer.TrySetResult(new TransferResult(status < 300, status, fragment));
    }

    public async Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken)
    {
        lock (_ua.Clock.Gate)
        {
            switch (_state)
            {
                case CallState.Ringing:
                    _ua.Respond(InviteTransaction, _ua.Response(_invite, 480, "Temporarily Unavailable", _dialog.LocalTag));
                    End(reason, 480, "hung up before answer");
                    return;
                case CallState.Answered or CallState.Confirmed:
                    SendBye();
                    End(reason, null, "we hung up");
                    return;
            }
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken)
    {
        TaskCompletionSource<TransferResult> transfer;
        lock (_ua.Clock.Gate)
        {
            if (_state is not (CallState.Confirmed or CallState.Answered) || _transfer is not null)
            {
                return new TransferResult(false, null, _transfer is null ? "the call is not connected" : "a transfer is already in progress");
            }
            if (!SipUri.TryParse(target, out _))
            {
                return new TransferResult(false, null, "the transfer target is not a sip:, sips: or tel: URI");
            }
            transfer = _transfer = new TaskCompletionSource<TransferResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            var refer = _dialog.CreateRequest("REFER", Contact);
            refer.Headers.Add(SipHeaderNames.ReferTo, "<" + target + ">");
            refer.Headers.Add(SipHeaderNames.ReferredBy, _dialog.LocalAddress);
            _ua.SendRequest(refer, RequestFlow, response =>
            {
                if (response.StatusCode >= 300)
                {
                    transfer.TrySetResult(new TransferResult(false, response.StatusCode, "REFER refused: " + response.ReasonPhrase));
                }
            });
        }
        TransferResult result;
        try
        {
            result = await transfer.Task.WaitAsync(_ua.Options.TransferTimeout, _ua.Clock.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            result = new TransferResult(false, null, "no final NOTIFY within the transfer timeout");
        }
        lock (_ua.Clock.Gate)
        {
            _transfer = null;
        }
        if (result.Succeeded)
        {
            await HangUpAsync(CallEndReason.Transferred, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) =>
        _state == CallState.Ended ? ValueTask.FromResult(false) : _media.ReadFrameAsync(destination, cancellationToken);

    public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) =>
        _negotiated?.MaySend == false ? ValueTask.CompletedTask : _media.WriteFrameAsync(frame, cancellationToken);

    public int ClearPlayback() => _media.ClearPlayback();

    public async IAsyncEnumerable<DtmfDigit> DtmfDigits([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var digit in _dtmf.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return digit;
        }
    }
}
