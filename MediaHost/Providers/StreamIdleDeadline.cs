namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// The idle deadline of a vendor's streaming answer (WebSocket messages, gRPC responses, LLM updates): each wait for
/// the next message runs on <see cref="Token"/>, the caller's token linked with a timer on the injected
/// <see cref="TimeProvider"/> that restarts whenever a message arrives. When only the timer ended the wait
/// (<see cref="Expired"/>), the adapter throws <see cref="Timeout"/>, so a stalled stream fails over as a provider
/// timeout and a caller's cancellation stays a cancellation. The one place that re-arms a timer source.
/// </summary>
public sealed class StreamIdleDeadline : IDisposable
{
    private static readonly TimeSpan SentRearmInterval = TimeSpan.FromMilliseconds(200);

    private readonly string _provider;
    private readonly TimeSpan _idleTimeout;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenSource _idle;
    private readonly CancellationTokenSource _linked;
    private readonly TimeProvider _time;
    private TimeSpan _running;
    private long _armedAt;

    /// <param name="provider">The provider's name, for the timeout exception.</param>
    /// <param name="idleTimeout">Longest wait between two messages.</param>
    /// <param name="firstMessageTimeout">Longest wait for the first message (default: <paramref name="idleTimeout"/>):
    /// a synthesis may take longer to start than to continue.</param>
    public StreamIdleDeadline(string provider, TimeSpan idleTimeout, TimeProvider time, CancellationToken callerToken, TimeSpan? firstMessageTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(idleTimeout, TimeSpan.Zero);
        _provider = provider;
        _idleTimeout = idleTimeout;
        _caller = callerToken;
        _time = time;
        _running = firstMessageTimeout ?? idleTimeout;
        _armedAt = time.GetTimestamp();
        _idle = new CancellationTokenSource(_running, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(callerToken, _idle.Token);
    }

    /// <summary>The token every wait for the stream's next message runs on.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>The deadline, not the caller, ended the wait.</summary>
    public bool Expired => _idle.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>A message arrived: the next one has the whole idle timeout again.</summary>
    public void MessageArrived()
    {
        _running = _idleTimeout;
        Volatile.Write(ref _armedAt, _time.GetTimestamp());
#pragma warning disable RS0030 // the source runs on the injected TimeProvider
        _idle.CancelAfter(_idleTimeout);
#pragma warning restore RS0030
    }

    /// <summary>
    /// We sent the vendor something (an STT stream's audio): its silence counts from now, not from its last message,
    /// so a stream whose audio we sent late (our send queue stalled) does not expire on the vendor. Re-arms at most
    /// every 200 ms (the writer calls it per frame); safe after the reader disposed the deadline.
    /// </summary>
    public void Sent()
    {
        if (_time.GetElapsedTime(Volatile.Read(ref _armedAt)) < SentRearmInterval)
        {
            return;
        }
        try
        {
            MessageArrived();
        }
        catch (ObjectDisposedException)
        {
            // the stream's reader has finished
        }
    }

    /// <summary>
    /// The exception for an expired deadline, naming the provider and the wait that ran out. Seen well after it was
    /// due, the expiry is our own lateness (a starved reader), which the provider's breaker and health do not count.
    /// </summary>
    public ProviderTimeoutException Timeout() =>
        new(_provider, _running, Failover.VendorFault.IsOurLateness(_time.GetElapsedTime(_armedAt) - _running, _running));

    public void Dispose()
    {
        _linked.Dispose();
        _idle.Dispose();
    }
}
