using System.Collections.Concurrent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Tests.Recording;

/// <summary>
/// A call double with its own media clock (a tick every 2 ms of real time): each tick gives the tap a caller frame of
/// <see cref="CallerLevel"/> and the next written agent frame (or silence) as sent, and keeps what was sent in
/// <see cref="Sent"/>. Enough for the recording decorator; not a media path.
/// </summary>
internal sealed class ClockedCallSession : ICallSession, IIncomingCall, IAsyncDisposable
{
    private readonly ConcurrentQueue<short[]> _queued = new();
    private readonly TaskCompletionSource<CallEnded> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _clock;
    private volatile IMediaAudioTap? _tap;
    private int _written;
    private int _sentAudio;

    public ClockedCallSession() => _clock = Task.Run(TickAsync);

    public short CallerLevel { get; set; } = 100;

    /// <summary>The first sample of every agent frame sent, in order (0 for silence).</summary>
    public ConcurrentQueue<short> Sent { get; } = new();

    public InboundCall Call { get; } = new("sip-" + Guid.NewGuid().ToString("N")[..8], "+15550000001", "+15550000002", new Dictionary<string, string>(), "PCMU/8000");

    public Task<CallEnded> Ended => _ended.Task;

    public Task<ICallSession> AnswerAsync(CancellationToken cancellationToken) => Task.FromResult<ICallSession>(this);

    public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    public void AttachAudioTap(IMediaAudioTap? tap) => _tap = tap;

    public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _written);
        _queued.Enqueue(frame.ToArray());
        return ValueTask.CompletedTask;
    }

    /// <summary>Completes once every frame written so far has been sent (and shown to the tap).</summary>
    public async Task DrainedAsync()
    {
        while (Volatile.Read(ref _sentAudio) < Volatile.Read(ref _written))
        {
            await Task.Delay(2);
        }
    }

    public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken)
    {
        _ended.TrySetResult(new CallEnded(reason, null, "hung up"));
        return Task.CompletedTask;
    }

    public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) => ValueTask.FromResult(!_ended.Task.IsCompleted);

    public int ClearPlayback() => 0;

    public async IAsyncEnumerable<DtmfDigit> DtmfDigits([global::System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken) => Task.FromResult(new TransferResult(false, 501, "no"));

    private async Task TickAsync()
    {
        var caller = new short[AudioFormat.SamplesPerFrame];
        while (!_stop.IsCancellationRequested && !_ended.Task.IsCompleted)
        {
            Array.Fill(caller, CallerLevel);
            var tap = _tap;
            tap?.CallerFrame(caller);
            if (_queued.TryDequeue(out var frame))
            {
                Sent.Enqueue(frame[0]);
                tap?.AgentFrame(frame);
                Interlocked.Increment(ref _sentAudio);
            }
            else
            {
                tap?.AgentFrame(ReadOnlySpan<short>.Empty);
            }
            await Task.Delay(2);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _clock;
    }
}
