using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// A bounded queue of fixed-size PCM frames between the media clock and the audio loop, one reader and one
/// writer. Frames are copied into preallocated slots and waiting is done with a reusable value-task source and
/// pooled async state machines, so neither side allocates per frame (each returned ValueTask is awaited once). The inbound ring drops its oldest frame when full (audio may drop, the clock
/// never waits); the outbound ring makes the writer wait.
/// </summary>
public sealed class FrameRing
{
    private readonly short[] _slots;
    private readonly int _frameSamples;
    private readonly int _capacity;
    private readonly object _lock = new();
    private readonly Waiter _readWaiter = new();
    private readonly Waiter _writeWaiter = new();
    private readonly TimeProvider? _time;
    private readonly long[]? _writtenAt;  // per slot, when the frame was written (only with a time provider)
    private long _lastReadWrittenAt;
    private int _head;
    private int _count;
    private bool _completed;

    /// <param name="time">When given, each frame is stamped as it is written, for the added-delay measurement.</param>
    public FrameRing(int capacity, int frameSamples, TimeProvider? time = null)
    {
        _capacity = capacity;
        _frameSamples = frameSamples;
        _slots = new short[capacity * frameSamples];
        _time = time;
        _writtenAt = time is null ? null : new long[capacity];
    }

    public int Count
    {
        get { lock (_lock) { return _count; } }
    }

    /// <summary>Frames dropped because the ring was full.</summary>
    public long Dropped { get; private set; }

    /// <summary>Adds a frame without waiting; when full, drops the oldest frame to make room.</summary>
    public void WriteDroppingOldest(ReadOnlySpan<short> frame)
    {
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }
            if (_count == _capacity)
            {
                _head = (_head + 1) % _capacity;
                _count--;
                Dropped++;
            }
            CopyIn(frame);
        }
        _readWaiter.Signal(true);
    }

    /// <summary>Adds a frame, waiting while the ring is full. Throws when the ring has been completed.</summary>
    public ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        // Not an async method: the common case (room in the ring) completes without any state machine.
        return TryWriteCore(frame.Span) ? ValueTask.CompletedTask : WriteSlowAsync(frame, cancellationToken);
    }

    // Pooled state machines: a writer ahead of the clock (text-to-speech) and a reader waiting for the clock (the
    // audio loop) each wait once per frame, and an unpooled async ValueTask method allocates its box at every wait.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask WriteSlowAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        while (true)
        {
            ValueTask<bool> wait;
            lock (_lock)
            {
                if (_completed)
                {
                    throw new InvalidOperationException("The call has ended; no more audio can be written.");
                }
                if (_count < _capacity)
                {
                    CopyIn(frame.Span);
                    break;
                }
                wait = _writeWaiter.Arm(cancellationToken);
            }
            await wait.ConfigureAwait(false);
        }
        _readWaiter.Signal(true);
    }

    private bool TryWriteCore(ReadOnlySpan<short> frame)
    {
        lock (_lock)
        {
            if (_completed)
            {
                throw new InvalidOperationException("The call has ended; no more audio can be written.");
            }
            if (_count == _capacity)
            {
                return false;
            }
            CopyIn(frame);
        }
        _readWaiter.Signal(true);
        return true;
    }

    /// <summary>Takes the oldest frame into <paramref name="destination"/> if there is one.</summary>
    public bool TryRead(Span<short> destination) => TryRead(destination, out _);

    /// <summary>
    /// Takes the oldest frame if there is one, with the <see cref="TimeProvider"/> timestamp of when it was written
    /// (0 without a time provider).
    /// </summary>
    public bool TryRead(Span<short> destination, out long writtenAt)
    {
        lock (_lock)
        {
            writtenAt = 0;
            if (_count == 0)
            {
                return false;
            }
            CopyOut(destination);
            writtenAt = _lastReadWrittenAt;
        }
        _writeWaiter.Signal(true);
        return true;
    }

    /// <summary>Waits for a frame; false once the ring is completed and empty.</summary>
    public ValueTask<bool> ReadAsync(Memory<short> destination, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_count == 0)
            {
                return _completed ? new ValueTask<bool>(false) : ReadSlowAsync(destination, cancellationToken);
            }
            CopyOut(destination.Span);
        }
        _writeWaiter.Signal(true);
        return new ValueTask<bool>(true);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> ReadSlowAsync(Memory<short> destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            ValueTask<bool> wait;
            lock (_lock)
            {
                if (_count > 0)
                {
                    CopyOut(destination.Span);
                    break;
                }
                if (_completed)
                {
                    return false;
                }
                wait = _readWaiter.Arm(cancellationToken);
            }
            await wait.ConfigureAwait(false);
        }
        _writeWaiter.Signal(true);
        return true;
    }

    /// <summary>Drops every queued frame (barge-in); returns how many.</summary>
    public int Clear()
    {
        int cleared;
        lock (_lock)
        {
            cleared = _count;
            _count = 0;
            _head = 0;
        }
        _writeWaiter.Signal(true);
        return cleared;
    }

    /// <summary>No more frames will be written: readers drain what is left, then get false; writers throw.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
        }
        _readWaiter.Signal(true);
        _writeWaiter.Signal(true);
    }

    private void CopyIn(ReadOnlySpan<short> frame)
    {
        var tail = (_head + _count) % _capacity;
        var slot = _slots.AsSpan(tail * _frameSamples, _frameSamples);
        var n = Math.Min(frame.Length, _frameSamples);
        frame[..n].CopyTo(slot);
        slot[n..].Clear();
        if (_writtenAt is not null)
        {
            _writtenAt[tail] = _time!.GetTimestamp();
        }
        _count++;
    }

    private void CopyOut(Span<short> destination)
    {
        var slot = _slots.AsSpan(_head * _frameSamples, _frameSamples);
        slot[..Math.Min(destination.Length, _frameSamples)].CopyTo(destination);
        _lastReadWrittenAt = _writtenAt?[_head] ?? 0;
        _head = (_head + 1) % _capacity;
        _count--;
    }

    /// <summary>One reusable waiter (a single party waits at a time); signalled from the other side.</summary>
    private sealed class Waiter : IValueTaskSource<bool>
    {
        private readonly object _gate = new();
        private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
        private bool _armed;
        private CancellationTokenRegistration _registration;

        public ValueTask<bool> Arm(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _core.Reset();
                _armed = true;
                if (cancellationToken.CanBeCanceled)
                {
                    _registration = cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Cancel(token), this);
                }
                return new ValueTask<bool>(this, _core.Version);
            }
        }

        public void Signal(bool value)
        {
            lock (_gate)
            {
                if (!_armed)
                {
                    return;
                }
                _armed = false;
                _registration.Unregister(); // never Dispose here: it would wait for a running Cancel that waits for this lock
                _core.SetResult(value);
            }
        }

        private void Cancel(CancellationToken token)
        {
            lock (_gate)
            {
                if (!_armed)
                {
                    return;
                }
                _armed = false;
                _core.SetException(new OperationCanceledException(token));
            }
        }

        public bool GetResult(short token) => _core.GetResult(token);

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
            _core.OnCompleted(continuation, state, token, flags);
    }
}
