using System.Text;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>The leg's side of in-dialog requests (answered by <see cref="SipInDialogRequestHandler"/>), hang-up, transfer and DTMF by INFO.</summary>
internal sealed partial class SipInboundLeg
{
    private TaskCompletionSource<TransferResult>? _transfer;

    public void OnRequest(SipMessage request, SipServerTransaction transaction) => _inDialog.Handle(request, transaction);

    string ISipInDialogLeg.Contact => Contact;

    /// <summary>Our 200 (to the INVITE or a re-INVITE) is not ACKed yet, or the call is still ringing.</summary>
    bool ISipInDialogLeg.AwaitingAck => _state != CallState.Confirmed;

    bool ISipInDialogLeg.InitialInviteUnanswered => _state == CallState.Ringing;

    /// <summary>
    /// Nothing to move: our requests follow the route set, or go back where the INVITE came from (see RequestFlow),
    /// never straight to the caller's Contact.
    /// </summary>
    void ISipInDialogLeg.RemoteTargetChanged()
    {
    }

    void ISipInDialogLeg.ReInviteAnswered(SipMessage ok, SipFlow flow)
    {
        _state = CallState.Answered;
        StartOkRetransmission(ok, flow);
    }

    void ISipInDialogLeg.InfoDigitReceived(DtmfDigit digit) => DtmfReceived?.Invoke(digit);

    bool ISipInDialogLeg.NotifyReceived(SipMessage notify) => OnReferProgress(notify);

    void ISipInDialogLeg.ByeReceived()
    {
        if (_state == CallState.Ringing)
        {
            // RFC 3261 section 15.1.2: the caller may BYE an early dialog; the INVITE still gets its final response.
            _endpoint.Respond(InviteTransaction, Responses.Create(_invite, 487, "Request Terminated", _dialog.LocalTag));
        }
        End(CallEndReason.CallerHangUp, null, "BYE from the caller");
    }

    // True when the NOTIFY reports on the REFER we sent (its implicit subscription); a final status settles the transfer.
    private bool OnReferProgress(SipMessage notify)
    {
        if (_transfer is null || notify.Headers.Get(SipHeaderNames.Event)?.StartsWith("refer", StringComparison.OrdinalIgnoreCase) != true)
        {
            return false;
        }
        // The body is a message/sipfrag status line: "SIP/2.0 200 OK".
        var fragment = Encoding.UTF8.GetString(notify.Body.Span).Split('\n')[0].Trim();
        var parts = fragment.Split(' ', 3);
        if (parts.Length >= 2 && int.TryParse(parts[1], out var status) && status >= 200)
        {
            _transfer.TrySetResult(new TransferResult(status < 300, status, fragment));
        }
        return true;
    }

    public bool IsConnected
    {
        get
        {
            using (_endpoint.Enter())
            {
                return _state is CallState.Answered or CallState.Confirmed;
            }
        }
    }

    public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken)
    {
        using (_endpoint.Enter())
        {
            switch (_state)
            {
                case CallState.Ringing:
                    _endpoint.Respond(InviteTransaction, Responses.Create(_invite, 480, "Temporarily Unavailable", _dialog.LocalTag));
                    End(reason, 480, "hung up before answer");
                    break;
                case CallState.Answered or CallState.Confirmed:
                    SendBye();
                    End(reason, null, "we hung up");
                    break;
            }
        }
        return Task.CompletedTask;
    }

    public async Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken)
    {
        TaskCompletionSource<TransferResult> transfer;
        using (_endpoint.Enter())
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
            _endpoint.SendRequest(refer, RequestFlow, response =>
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
            result = await transfer.Task.WaitAsync(_endpoint.Options.TransferTimeout, _endpoint.Clock.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            result = new TransferResult(false, null, "no final NOTIFY within the transfer timeout");
        }
        using (_endpoint.Enter())
        {
            _transfer = null;
        }
        if (result.Succeeded)
        {
            await HangUpAsync(CallEndReason.Transferred, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    public Task<bool> SendDtmfInfoAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) =>
        SipDtmfInfoSender.SendAsync(_endpoint, () => _state is CallState.Answered or CallState.Confirmed ? (_dialog, Contact, RequestFlow) : null,
            digit, duration, cancellationToken);
}
