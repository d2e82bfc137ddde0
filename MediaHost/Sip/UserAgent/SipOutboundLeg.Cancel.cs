using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// Giving up on a call before it is answered (the caller of PlaceCallAsync cancelled): CANCEL the INVITE
/// (RFC 3261 section 9.1) once the callee has sent a provisional response, and if its 2xx crosses our CANCEL,
/// ACK it and hang up at once so no answered call is left behind.
/// </summary>
internal sealed partial class SipOutboundLeg
{
    /// <summary>Cancels the call if it is still unanswered (takes the stack lock).</summary>
    public void CancelBeforeAnswer()
    {
        using (_endpoint.Enter())
        {
            if (_over || _dialog is not null)
            {
                return;
            }
            _cancelled = true;
            if (_provisional)
            {
                _endpoint.SendCancel(_invite!, _flow);
            }
            End(CallEndReason.CancelledBeforeAnswer, 487, "we cancelled before the callee answered");
            _answered.TrySetCanceled();
        }
    }

    /// <summary>A provisional response: a CANCEL may be sent from now on (one was perhaps waiting for it).</summary>
    private void OnProvisional(SipMessage invite)
    {
        if (!ReferenceEquals(invite, _invite) || _provisional)
        {
            return;
        }
        _provisional = true;
        if (_cancelled)
        {
            _endpoint.SendCancel(invite, _flow);
        }
    }

    /// <summary>The callee answered although we cancelled: confirm the dialog with an ACK, then end it with BYE.</summary>
    private void ConfirmAndEndLateAnswer(SipMessage response)
    {
        ConfirmDialog(response);
        _endpoint.SendRequest(_dialog!.CreateRequest("BYE", Contact), _dialogFlow!, _ => { });
    }
}
