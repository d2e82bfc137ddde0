using VoiceFunctions.MediaHost.Rtp.Dtmf;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// Digits a call sends as RFC 4733 telephone-events, one on the wire at a time: a second digit waits its turn instead
/// of being refused, and each completes once its last end packet has gone out. The packets themselves are made by
/// <see cref="OutboundMedia"/> (<see cref="DtmfSender"/>) in the send path's slots.
/// </summary>
internal sealed class DtmfSendQueue
{
    private readonly object _gate;
    private readonly Func<char, TimeSpan, bool> _tryStart;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private TaskCompletionSource<bool>? _sent;

    /// <param name="gate">The session's lock, under which <paramref name="tryStart"/> runs and packets are sent.</param>
    /// <param name="tryStart">Starts a digit's events in the send half; false when the call cannot send it now.</param>
    public DtmfSendQueue(object gate, Func<char, TimeSpan, bool> tryStart)
    {
        _gate = gate;
        _tryStart = tryStart;
    }

    /// <summary>
    /// Sends <paramref name="digit"/>; true once its last end packet has gone out, false at once when the call cannot
    /// send it (telephone-event not negotiated, hold, ended), or when the call ends before it went out.
    /// </summary>
    public async Task<bool> SendAsync(char digit, TimeSpan duration, CancellationToken cancellationToken)
    {
        TelephoneEvent.CodeOf(digit); // a clear ArgumentException for anything that is not a DTMF key
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TaskCompletionSource<bool> sent;
            lock (_gate)
            {
                if (!_tryStart(digit, duration))
                {
                    return false;
                }
                sent = _sent = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return await sent.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Under the gate, after each packet the send path made: the digit is done once the send half stopped sending it.</summary>
    public void CompleteWhenSent(OutboundMedia? media)
    {
        if (_sent is not null && media?.IsSendingDtmf != true)
        {
            _sent.TrySetResult(true);
            _sent = null;
        }
    }

    /// <summary>Under the gate, as the call ends: a digit still going out did not complete.</summary>
    public void Abandon()
    {
        _sent?.TrySetResult(false);
        _sent = null;
    }
}
