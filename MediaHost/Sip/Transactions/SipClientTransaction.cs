using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Transactions;

/// <summary>
/// A client transaction (RFC 3261 section 17.1): sends the request, retransmits it on UDP (Timer A for INVITE,
/// E for others), gives up after Timer B/F (reported as a 408), ACKs non-2xx finals to INVITE itself, and
/// absorbs retransmitted responses for Timer D/K.
/// </summary>
public sealed class SipClientTransaction
{
    private readonly SipClock _clock;
    private readonly SipLock _stackLock;
    private readonly Action<SipClientTransaction> _terminated;
    private readonly byte[] _requestBytes;
    private byte[]? _ack;
    private ITimer? _retransmit;
    private ITimer? _timeout;
    private TimeSpan _interval;

    public SipClientTransaction(string key, SipMessage request, SipFlow flow, SipClock clock, SipLock stackLock, Action<SipMessage> onResponse, Action<SipClientTransaction> terminated)
    {
        Key = key;
        Request = request;
        Flow = flow;
        _clock = clock;
        _stackLock = stackLock;
        OnResponse = onResponse;
        _terminated = terminated;
        IsInvite = request.Method == "INVITE";
        _requestBytes = SipSerializer.Serialize(request);
        State = IsInvite ? SipTransactionState.Calling : SipTransactionState.Trying;
    }

    public string Key { get; }

    public SipMessage Request { get; }

    public SipFlow Flow { get; }

    public bool IsInvite { get; }

    public SipTransactionState State { get; private set; }

    /// <summary>Receives every response the TU should see (and a synthesized 408 on timeout).</summary>
    public Action<SipMessage> OnResponse { get; }

    public void Start()
    {
        _stackLock.Send(Flow, _requestBytes);
        var timers = _clock.Timers;
        if (!Flow.Transport.IsReliable)
        {
            _interval = timers.T1;
            _retransmit = _clock.Once(_interval, Retransmit);
        }
        _timeout = _clock.Once(timers.TransactionTimeout, () =>
        {
            if (State is SipTransactionState.Calling or SipTransactionState.Trying or SipTransactionState.Proceeding)
            {
                Terminate();
                OnResponse(SipResponseBuilder.Create(Request, 408, "Request Timeout"));
            }
        });
    }

    public void Receive(SipMessage response)
    {
        var code = response.StatusCode;
        switch (State)
        {
            case SipTransactionState.Calling or SipTransactionState.Trying or SipTransactionState.Proceeding:
                if (code < 200)
                {
                    if (State != SipTransactionState.Proceeding)
                    {
                        State = SipTransactionState.Proceeding;
                        if (IsInvite)
                        {
                            _retransmit?.Dispose(); // Timer A stops once the INVITE is known to have arrived.
                        }
                    }
                    OnResponse(response);
                    return;
                }
                _retransmit?.Dispose();
                _timeout?.Dispose();
                if (IsInvite && code < 300)
                {
                    // The 2xx ACK belongs to the dialog (a new transaction); retransmitted 2xx go to the TU too.
                    Terminate();
                }
                else
                {
                    if (IsInvite)
                    {
                        _ack = SipSerializer.Serialize(SipAckBuilder.ForNonSuccess(Request, response));
                        _stackLock.Send(Flow, _ack);
                    }
                    State = SipTransactionState.Completed;
                    var linger = Flow.Transport.IsReliable ? TimeSpan.Zero : IsInvite ? _clock.Timers.TimerD : _clock.Timers.T4;
                    if (linger == TimeSpan.Zero)
                    {
                        Terminate();
                    }
                    else
                    {
                        _timeout = _clock.Once(linger, Terminate);
                    }
                }
                OnResponse(response);
                return;
            case SipTransactionState.Completed when IsInvite && _ack is not null:
                _stackLock.Send(Flow, _ack); // a retransmitted final: ACK again, do not bother the TU
                return;
        }
    }

    private void Retransmit()
    {
        if (State is not (SipTransactionState.Calling or SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }
        if (IsInvite && State == SipTransactionState.Proceeding)
        {
            return;
        }
        _stackLock.Send(Flow, _requestBytes);
        // Timer A doubles without a cap; Timer E doubles up to T2 (and runs at T2 once a provisional arrived).
        _interval = IsInvite ? _interval * 2 : State == SipTransactionState.Proceeding ? _clock.Timers.T2 : SipTimerSettings.Next(_interval, _clock.Timers.T2);
        _retransmit = _clock.Once(_interval, Retransmit);
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
