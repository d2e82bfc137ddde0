using VoiceFunctions.MediaHost.Rtp.Dtmf;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Sending DTMF to the caller: RFC 4733 in the media when negotiated, SIP INFO otherwise.</summary>
internal sealed partial class SipInboundCall
{
    public async Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken)
    {
        TelephoneEvent.CodeOf(digit);
        if (_state is not (CallState.Answered or CallState.Confirmed))
        {
            return false;
        }
        if (await _media.SendDtmfAsync(digit, duration, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }
        var answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_ua.Clock.Gate)
        {
            if (_state is not (CallState.Answered or CallState.Confirmed))
            {
                return false;
            }
            _ua.SendRequest(DtmfInfoRequest.Create(_dialog, Contact, digit, duration), Flow, response =>
            {
                if (response.StatusCode >= 200)
                {
                    answered.TrySetResult(response.StatusCode < 300);
                }
            });
        }
        return await answered.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
