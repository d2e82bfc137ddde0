using VoiceFunctions.MediaHost.Rtp.Dtmf;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>Sending DTMF digits as RFC 4733 telephone-events, one digit at a time, for the call surface.</summary>
public sealed partial class RtpMediaSession
{
    // One digit on the wire at a time: a second caller waits its turn instead of being refused.
    private readonly SemaphoreSlim _dtmfTurn = new(1, 1);
    private TaskCompletionSource<bool>? _dtmfSent;

    /// <summary>
    /// Sends <paramref name="digit"/> as RFC 4733 events and completes once its last end packet has gone out
    /// (true), or false at once when telephone-event was not negotiated or we may not send (hold): the SIP
    /// layer then falls back to SIP INFO. Digits sent one after another queue behind each other.
    /// </summary>
    public async Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken)
    {
        TelephoneEvent.CodeOf(digit); // a clear ArgumentException for anything that is not a DTMF key
        await _dtmfTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TaskCompletionSource<bool> sent;
            lock (_lock)
            {
                if (_stopped == 1 || _out is null || _media?.MaySend != true || !_out.StartDtmf(digit, duration))
                {
                    return false;
                }
                sent = _dtmfSent = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return await sent.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _dtmfTurn.Release();
        }
    }

    // Under _lock, after each tick's packet: the digit's last end packet has gone.
    private void CompleteDtmfWhenSent()
    {
        if (_dtmfSent is not null && _out?.IsSendingDtmf != true)
        {
            _dtmfSent.TrySetResult(true);
            _dtmfSent = null;
        }
    }

    private void AbandonDtmf()
    {
        _dtmfSent?.TrySetResult(false);
        _dtmfSent = null;
    }
}
