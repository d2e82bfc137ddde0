namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// Sending a DTMF digit as a SIP INFO in the dialog (either call leg), like our other in-dialog requests (route set,
/// remote target), completing with its answer. RFC 4733 events in the media are the call layer's first choice.
/// </summary>
internal static class SipDtmfInfoSender
{
    /// <param name="connected">
    /// Asked under the stack lock: the dialog, our Contact and the flow our in-dialog requests take, or null
    /// while the call is not connected (then nothing is sent).
    /// </param>
    public static async Task<bool> SendAsync(SipEndpoint endpoint, Func<(SipDialog Dialog, string Contact, Transactions.SipFlow Flow)?> connected,
        char digit, TimeSpan duration, CancellationToken cancellationToken)
    {
        var answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (endpoint.Enter())
        {
            if (connected() is not { } dialog)
            {
                return false;
            }
            endpoint.SendRequest(DtmfInfoRequest.Create(dialog.Dialog, dialog.Contact, digit, duration), dialog.Flow, response =>
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
