using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// RFC 3261 section 13.3.1.4: the UAS core (not the transaction) retransmits its 2xx to an INVITE or re-INVITE,
/// T1 doubling up to T2 (UDP only), until the ACK arrives; with no ACK after 64*T1 the owner is told (and sends BYE).
/// Timer callbacks run under the stack lock, like every caller of this class; the 2xx leaves once the lock is released.
/// </summary>
internal sealed class SipOkRetransmitter(SipEndpoint endpoint)
{
    private readonly SipClock _clock = endpoint.Clock;
    private byte[]? _pending;
    private SipFlow? _flow;
    private ITimer? _retransmit;
    private ITimer? _giveUp;
    private TimeSpan _interval;

    /// <summary>True from <see cref="Start"/> until the ACK (or the give-up).</summary>
    public bool AwaitingAck => _pending is not null;

    public void Start(SipMessage ok, SipFlow flow, Action onNoAck)
    {
        Stop();
        _pending = SipSerializer.Serialize(ok);
        _flow = flow;
        if (!flow.Transport.IsReliable)
        {
            _interval = _clock.Timers.T1;
            _retransmit = _clock.Once(_interval, Retransmit);
        }
        _giveUp = _clock.Once(_clock.Timers.TransactionTimeout, () =>
        {
            if (_pending is null)
            {
                return;
            }
            Stop();
            onNoAck();
        });
    }

    public void Stop()
    {
        _pending = null;
        _retransmit?.Dispose();
        _giveUp?.Dispose();
    }

    private void Retransmit()
    {
        if (_pending is null)
        {
            return;
        }
        endpoint.Send(_flow!, _pending);
        _interval = SipTimerSettings.Next(_interval, _clock.Timers.T2);
        _retransmit = _clock.Once(_interval, Retransmit);
    }
}
