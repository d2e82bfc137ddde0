using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>The placed call's side of the callee's in-dialog requests (answered by <see cref="SipInDialogRequestHandler"/>) and ACKs.</summary>
internal sealed partial class SipOutboundCall
{
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
        if (!_over && _inDialog?.OnAck(ack) is { } unusable)
        {
            Hangup(CallEndReason.Error, 488, "the ACK's SDP answer was unusable: " + unusable);
        }
    }

    public void OnRequest(SipMessage request, SipServerTransaction transaction)
    {
        if (_inDialog is null || _over)
        {
            _ua.Respond(transaction, _ua.Response(request, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        _inDialog.Handle(request, transaction);
    }

    string ISipInDialogLeg.Contact => _ua.Contact(_flow.Transport);

    bool ISipInDialogLeg.AwaitingAck => _okRetransmitter.AwaitingAck;

    /// <summary>Our later requests in the dialog go to the new remote target (or still the first route, when there is one).</summary>
    void ISipInDialogLeg.RemoteTargetChanged() => _dialogFlow = _flow with { Remote = SipNextHop.For(_dialog!, _flow.Remote) };

    void ISipInDialogLeg.ReInviteAnswered(SipMessage ok, SipFlow flow) =>
        _okRetransmitter.Start(ok, flow, () => Hangup(CallEndReason.Error, 408, "no ACK for our 200 OK to the re-INVITE within 64*T1"));

    void ISipInDialogLeg.DtmfReceived(DtmfDigit digit) => _dtmf.Writer.TryWrite(digit);

    /// <summary>We never send REFER on a call we placed (no transfer of placed calls), so no NOTIFY tells us anything.</summary>
    void ISipInDialogLeg.NotifyReceived(SipMessage notify)
    {
    }

    void ISipInDialogLeg.ByeReceived() => End(CallEndReason.CallerHangUp, null, "BYE from the callee");
}
