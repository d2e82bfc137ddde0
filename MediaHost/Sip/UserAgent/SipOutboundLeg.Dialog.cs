using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>The placed call's side of the callee's in-dialog requests (answered by <see cref="SipInDialogRequestHandler"/>), ACKs, hang-up and DTMF by INFO.</summary>
internal sealed partial class SipOutboundLeg
{
    public void OnRetransmitted2xx(SipMessage response)
    {
        if (_ack is not null && _dialogFlow is not null)
        {
            _ack.Headers.Remove(SipHeaderNames.Via);
            _endpoint.SendRequest(_ack, _dialogFlow, _ => { });
        }
    }

    /// <summary>The ACK for our 200 to a re-INVITE: stop retransmitting; after a body-less re-INVITE it carries the answer.</summary>
    public void OnAck(SipMessage ack)
    {
        _okRetransmitter.Stop();
        if (!_over && _inDialog?.OnAck(ack) is { } unusable)
        {
            Hangup(CallEndReason.Error, 488, "the ACK's SDP answer was unusable: " + unusable);
        }
    }

    public void OnRequest(SipMessage request, SipServerTransaction transaction)
    {
        if (_inDialog is null || _over)
        {
            _endpoint.Respond(transaction, _endpoint.Responses.Create(request, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        _inDialog.Handle(request, transaction);
    }

    string ISipInDialogLeg.Contact => Contact;

    bool ISipInDialogLeg.AwaitingAck => _okRetransmitter.AwaitingAck;

    /// <summary>We sent the INVITE of a placed call: there is no INVITE of the peer's for us to answer.</summary>
    bool ISipInDialogLeg.InitialInviteUnanswered => false;

    /// <summary>Our later requests in the dialog go to the new remote target (or still the first route, when there is one).</summary>
    void ISipInDialogLeg.RemoteTargetChanged() => _dialogFlow = _flow with { Remote = SipNextHop.For(_dialog!, _flow.Remote) };

    void ISipInDialogLeg.ReInviteAnswered(SipMessage ok, SipFlow flow) =>
        _okRetransmitter.Start(ok, flow, () => Hangup(CallEndReason.Error, 408, "no ACK for our 200 OK to the re-INVITE within 64*T1"));

    void ISipInDialogLeg.InfoDigitReceived(DtmfDigit digit) => DtmfReceived?.Invoke(digit);

    /// <summary>We never send REFER on a call we placed (no transfer of placed calls), so no NOTIFY is ours.</summary>
    bool ISipInDialogLeg.NotifyReceived(SipMessage notify) => false;

    void ISipInDialogLeg.ByeReceived() => End(CallEndReason.CallerHangUp, null, "BYE from the callee");

    public bool IsConnected
    {
        get
        {
            using (_endpoint.Enter())
            {
                return _dialog is not null && !_over;
            }
        }
    }

    public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken)
    {
        using (_endpoint.Enter())
        {
            Hangup(reason, null, "we hung up");
        }
        return Task.CompletedTask;
    }

    public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken) =>
        Task.FromResult(new TransferResult(false, null, "transfer of calls we placed is not supported"));

    public Task<bool> SendDtmfInfoAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) =>
        SipDtmfInfoSender.SendAsync(_endpoint, () => _dialog is null || _over ? null : (_dialog, Contact, _dialogFlow!), digit, duration, cancellationToken);

    /// <summary>Media failed on its own: BYE (once answered) and end, as on a call we received.</summary>
    public void EndFromMedia(CallEnded ended) => _ = Task.Run(() =>
    {
        using (_endpoint.Enter())
        {
            Hangup(ended.Reason, ended.SipStatus, ended.Detail);
        }
    });
}
