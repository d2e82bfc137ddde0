using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Transactions;

/// <summary>
/// A server transaction (RFC 3261 section 17.2, with RFC 6026's Accepted state for 2xx to INVITE): sends our
/// responses, answers retransmitted requests with the last response, retransmits non-2xx INVITE finals on
/// Timer G until ACK or Timer H, and lingers (Timers I, J, L) to absorb late retransmissions.
/// </summary>
public sealed class SipServerTransaction
{
    private readonly SipClock _clock;
    private readonly SipLock _stackLock;
    private readonly Action<SipServerTransaction> _terminated;
    private byte[]? _lastResponse;
    private ITimer? _retransmit;
    private ITimer? _timeout;
    private TimeSpan _interval;

    public SipServerTransaction(string key, SipMessage request, SipFlow flow, SipClock clock, SipLock stackLock, Action<SipServerTransaction> terminated)
    {
        Key = key;
        Request = request;
        Flow = flow;
        _clock = clock;
        _stackLock = stackLock;
        _terminated = terminated;
        IsInvite = request.Method == "INVITE";
        State = IsInvite ? SipTransactionState.Proceeding : SipTransactionState.Trying;
    }

    public string Key { get; }

    public SipMessage Request { get; }

    public SipFlow Flow { get; }

    public bool IsInvite { get; }

    public SipTransactionState State { get; private set; }

    /// <summary>The final status sent, or 0.</summary>
    public int FinalStatus { get; private set; }

    /// <summary>Raised when a non-2xx final to INVITE was never acknowledged (Timer H).</summary>
    public Action? AckTimedOut { get; set; }

    public void Respond(SipMessage response)
    {
        if (State is SipTransactionState.Completed or SipTransactionState.Confirmed or SipTransactionState.Accepted or SipTransactionState.Terminated)
        {
            return;
        }
        _lastResponse = SipSerializer.Serialize(response);
        _stackLock.Send(Flow, _lastResponse);
        var code = response.StatusCode;
        if (code < 200)
        {
            State = SipTransactionState.Proceeding;
            return;
        }
        FinalStatus = code;
        var reliable = Flow.Transport.IsReliable;
        var timers = _clock.Timers;
        if (IsInvite && code < 300)
        {
            // RFC 6026: stay to absorb INVITE retransmissions (answered with this 2xx) for Timer L.
            State = SipTransactionState.Accepted;
            _timeout = _clock.Once(timers.TransactionTimeout, Terminate);
        }
        else if (IsInvite)
        {
            State = SipTransactionState.Completed;
            if (!reliable)
            {
                _interval = timers.T1;
                _retransmit = _clock.Once(_interval, RetransmitFinal);
            }
            _timeout = _clock.Once(timers.TransactionTimeout, () =>
            {
                Terminate();
                AckTimedOut?.Invoke();
            });
        }
        else
        {
            State = SipTransactionState.Completed;
            if (reliable)
            {
                Terminate();
            }
            else
            {
                _timeout = _clock.Once(timers.TransactionTimeout, Terminate); // Timer J
            }
        }
    }

    /// <summary>A retransmission of the request arrived: repeat the last response (nothing reaches the TU).</summary>
    public void OnRetransmission()
    {
        if (_lastResponse is not null && State != SipTransactionState.Terminated)
        {
            _stackLock.Send(Flow, _lastResponse);
        }
    }

    /// <summary>ACK for our non-2xx final: stop Timers G and H, absorb further ACKs for Timer I.</summary>
    public void OnAck()
    {
        if (State != SipTransactionState.Completed || !IsInvite)
        {
            return;
        }
        State = SipTransactionState.Confirmed;
        _retransmit?.Dispose();
        _timeout?.Dispose();
        if (Flow.Transport.IsReliable)
        {
            Terminate();
        }
        else
        {
            _timeout = _clock.Once(_clock.Timers.T4, Terminate); // Timer I
        }
    }

    private void RetransmitFinal()
    {
        if (State != SipTransactionState.Completed || _lastResponse is null)
        {
            return;
        }
        _stackLock.Send(Flow, _lastResponse);
        _interval = SipTimerSettings.Next(_interval, _clock.Timers.T2); // Timer G
        _retransmit = _clock.Once(_interval, RetransmitFinal);
    }

    public void Terminate()
    {
        if (State == SipTransactionState.Terminated)
        {
            return;
        }
        State = SipTransactionState.Terminated;
        _retransmit?.Dispose();
        _timeout?.Dispose();
        _terminated(this);
    }
}
