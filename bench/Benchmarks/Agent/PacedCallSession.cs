using System.Threading.Channels;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Benchmarks.Agent;

/// <summary>
/// An in-process call paced by the real clock: one 20 ms frame per 20 ms (as RTP would deliver), one queued agent
/// frame played per frame read. The caller's script is a callback that may queue audio before each frame.
/// </summary>
internal sealed class PacedCallSession : ICallSession
{
    private readonly object _gate = new();
    private readonly Queue<short[]> _caller = new();
    private readonly Queue<short[]> _playback = new();
    private readonly SemaphoreSlim _space = new(10, 10);
    private readonly TaskCompletionSource<CallEnded> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _start = TimeProvider.System.GetTimestamp();
    private int _frame;

    public InboundCall Call { get; } = new("bench-" + Guid.NewGuid().ToString("N")[..8], "caller", "agent", new Dictionary<string, string>(), "PCMU/8000");

    public Action<int, PacedCallSession>? Script { get; set; }

    public int PlayedFrames { get; private set; }

    public int QueuedPlayback
    {
        get
        {
            lock (_gate)
            {
                return _playback.Count;
            }
        }
    }

    public void Say(short[] samples)
    {
        lock (_gate)
        {
            for (var i = 0; i + AudioFormat.SamplesPerFrame <= samples.Length; i += AudioFormat.SamplesPerFrame)
            {
                _caller.Enqueue(samples.AsSpan(i, AudioFormat.SamplesPerFrame).ToArray());
            }
        }
    }

    public bool CallerSpeaking
    {
        get
        {
            lock (_gate)
            {
                return _caller.Count > 0;
            }
        }
    }

    public void End() => _ended.TrySetResult(new CallEnded(CallEndReason.CallerHangUp, null, "bench done"));

    public async ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken)
    {
        if (_ended.Task.IsCompleted)
        {
            return false;
        }
        // Pace on the real clock without drift: frame n is due at start + n × 20 ms.
        var due = TimeSpan.FromMilliseconds(_frame * AudioFormat.FrameMilliseconds) - TimeProvider.System.GetElapsedTime(_start);
        if (due > TimeSpan.Zero)
        {
            await Task.Delay(due, cancellationToken);
        }
        Script?.Invoke(_frame, this);
        short[]? played;
        short[]? caller;
        lock (_gate)
        {
            _playback.TryDequeue(out played);
            _caller.TryDequeue(out caller);
        }
        if (played is not null)
        {
            PlayedFrames++;
            _space.Release();
        }
        destination.Span.Clear();
        caller?.CopyTo(destination.Span);
        _frame++;
        return true;
    }

    public async ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        await _space.WaitAsync(cancellationToken);
        lock (_gate)
        {
            _playback.Enqueue(frame.ToArray());
        }
    }

    public int ClearPlayback()
    {
        int dropped;
        lock (_gate)
        {
            dropped = _playback.Count;
            _playback.Clear();
        }
        if (dropped > 0)
        {
            _space.Release(dropped);
        }
        return dropped;
    }

    public IAsyncEnumerable<DtmfDigit> DtmfDigits(CancellationToken cancellationToken) => Channel.CreateUnbounded<DtmfDigit>().Reader.ReadAllAsync(cancellationToken);

    public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<CallEnded> Ended => _ended.Task;

    public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken)
    {
        _ended.TrySetResult(new CallEnded(reason, null, "agent hung up"));
        return Task.CompletedTask;
    }

    public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken) => Task.FromResult(new TransferResult(false, null, "bench"));
}
