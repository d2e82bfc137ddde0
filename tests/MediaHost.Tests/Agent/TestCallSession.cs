using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>
/// An in-process call for the agent's tests. Its media clock is the frame count: every ReadFrameAsync is 20 ms,
/// advances <see cref="Clock"/> by 20 ms and plays one queued agent frame (recorded in <see cref="Played"/> with
/// the frame number). Caller audio comes from a queue (silence when empty), optionally mixed with an echo of the
/// frame being played. A reactive <see cref="OnFrame"/> hook lets a test speak "when the agent has said X".
/// </summary>
internal sealed class TestCallSession : ICallSession
{
    private readonly object _gate = new();
    private readonly Queue<short[]> _callerFrames = new();
    private readonly Queue<short[]> _playback = new();
    private readonly SemaphoreSlim _playbackSpace;
    private readonly Channel<DtmfDigit> _dtmf = Channel.CreateUnbounded<DtmfDigit>();
    private readonly TaskCompletionSource<CallEnded> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TestCallSession(int playbackCapacity = 10, int maxFrames = 50 * 120)
    {
        _playbackSpace = new SemaphoreSlim(playbackCapacity, playbackCapacity);
        MaxFrames = maxFrames;
    }

    public InboundCall Call { get; private set; } = new("call-" + Guid.NewGuid().ToString("N")[..8], "+15550000001", "+15550000002", new Dictionary<string, string>(), "PCMU/8000");

    /// <summary>The negotiated codec as a SIP call describes it (default "PCMU/8000").</summary>
    public string Codec { get => Call.Codec; init => Call = Call with { Codec = value }; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Real time to wait per frame (0 = as fast as the agent reads). 20 ms is real time.</summary>
    public TimeSpan FramePace { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>When set, the caller's line returns the agent's audio attenuated by this many dB (line echo).</summary>
    public double? EchoLossDb { get; init; }

    /// <summary>How many frames later the echo comes back (the echo path's delay). Default 0.</summary>
    public int EchoDelayFrames { get; init; }

    private readonly Queue<short[]?> _echoLine = new();

    public int MaxFrames { get; }

    /// <summary>Called before each frame is delivered, with the frame number (0-based).</summary>
    public Action<int>? OnFrame { get; set; }

    public int FrameIndex { get; private set; }

    /// <summary>Agent frames as the caller heard them, with the frame number at which each was played.</summary>
    public List<(int Frame, short[] Samples)> Played { get; } = [];

    /// <summary>Frame numbers at which ClearPlayback was called, and how many frames each dropped.</summary>
    public List<(int Frame, int Dropped)> Clears { get; } = [];

    public List<string> Transfers { get; } = [];

    public TransferResult TransferOutcome { get; set; } = new(true, 202, "accepted");

    public CallEndReason? HungUpWith { get; private set; }

    public int? HungUpAtFrame { get; private set; }

    public int PlayedCount
    {
        get
        {
            lock (_gate)
            {
                return Played.Count;
            }
        }
    }

    public void Say(short[] samples)
    {
        lock (_gate)
        {
            foreach (var frame in SyntheticAudio.Frames(samples))
            {
                _callerFrames.Enqueue(frame);
            }
        }
    }

    /// <summary>The caller hangs up (BYE).</summary>
    /// <summary>Frames written and not yet played.</summary>
    public int QueuedFrames
    {
        get { lock (_gate) { return _playback.Count; } }
    }

    public void HangUpByCaller() => _ended.TrySetResult(new CallEnded(CallEndReason.CallerHangUp, null, "caller hung up"));

    public void PressDigit(char digit) => _dtmf.Writer.TryWrite(new DtmfDigit(digit, TimeSpan.FromMilliseconds(100)));

    public async ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken)
    {
        if (_ended.Task.IsCompleted)
        {
            return false;
        }
        if (FrameIndex >= MaxFrames)
        {
            _ended.TrySetResult(new CallEnded(CallEndReason.MaxDuration, null, "test frame limit"));
            return false;
        }
        if (FramePace > TimeSpan.Zero)
        {
            await Task.Delay(FramePace, cancellationToken);
        }
        OnFrame?.Invoke(FrameIndex);
        short[]? played = null;
        short[]? caller;
        lock (_gate)
        {
            if (_playback.TryDequeue(out played))
            {
                Played.Add((FrameIndex, played));
            }
            _callerFrames.TryDequeue(out caller);
        }
        if (played is not null)
        {
            _playbackSpace.Release();
        }
        var span = destination.Span;
        span.Clear();
        caller?.CopyTo(span);
        _echoLine.Enqueue(played);
        var echoed = _echoLine.Count > EchoDelayFrames ? _echoLine.Dequeue() : null;
        if (EchoLossDb is { } loss && echoed is not null)
        {
            var gain = Math.Pow(10, -loss / 20);
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (short)Math.Clamp(span[i] + echoed[i] * gain, short.MinValue, short.MaxValue);
            }
        }
        FrameIndex++;
        Clock.Advance(TimeSpan.FromMilliseconds(AudioFormat.FrameMilliseconds));
        return true;
    }

    public async ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        Assert.Equal(AudioFormat.SamplesPerFrame, frame.Length);
        await _playbackSpace.WaitAsync(cancellationToken);
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
            Clears.Add((FrameIndex, dropped));
        }
        if (dropped > 0)
        {
            _playbackSpace.Release(dropped);
        }
        AfterClear?.Invoke();
        return dropped;
    }

    /// <summary>Runs on the clearing thread right after <see cref="ClearPlayback"/> dropped the queue (a test can hold
    /// that thread there, as a loaded machine's scheduler may).</summary>
    public Action? AfterClear { get; set; }

    public IAsyncEnumerable<DtmfDigit> DtmfDigits(CancellationToken cancellationToken) => _dtmf.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Digits the agent sent to the caller, in order.</summary>
    public List<char> DigitsSent { get; } = [];

    public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            DigitsSent.Add(digit);
        }
        return Task.FromResult(true);
    }

    public Task<CallEnded> Ended => _ended.Task;

    public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken)
    {
        HungUpWith = reason;
        HungUpAtFrame = FrameIndex;
        _ended.TrySetResult(new CallEnded(reason, null, "agent hung up"));
        return Task.CompletedTask;
    }

    public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken)
    {
        Transfers.Add(target);
        if (TransferOutcome.Succeeded)
        {
            _ended.TrySetResult(new CallEnded(CallEndReason.Transferred, 202, "transferred"));
        }
        return Task.FromResult(TransferOutcome);
    }

    /// <summary>All audio the caller heard, concatenated.</summary>
    public short[] PlayedAudio()
    {
        lock (_gate)
        {
            return Played.SelectMany(p => p.Samples).ToArray();
        }
    }
}
