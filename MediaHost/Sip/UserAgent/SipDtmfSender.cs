using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Rtp.Dtmf;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// Sending a DTMF digit on either call leg: RFC 4733 events in the media when they were negotiated, else a SIP INFO
/// in the dialog, sent like our other in-dialog requests (route set, remote target), completing with its answer.
/// </summary>
internal static class SipDtmfSender
{
    /// <param name="connected">
    /// Asked under the user agent's lock: the dialog, our Contact and the flow our in-dialog requests take, or null
    /// while the call is not connected (then nothing is sent).
    /// </param>
    public static async Task<bool> SendAsync(SipUserAgent ua, IMediaSession media, Func<(SipDialog Dialog, string Contact, SipFlow Flow)?> connected,
        char digit, TimeSpan duration, CancellationToken cancellationToken)
    {
        TelephoneEvent.CodeOf(digit); // throws for anything that is not a DTMF key
        lock (ua.Clock.Gate)
        {
            if (connected() is null)
            {
                return false;
            }
        }
        if (await media.SendDtmfAsync(digit, duration, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }
        var answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (ua.Clock.Gate)
        {
            if (connected() is not { } dialog)
            {
                return false;
            }
            ua.SendRequest(DtmfInfoRequest.Create(dialog.Dialog, dialog.Contact, digit, duration), dialog.Flow, response =>
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
