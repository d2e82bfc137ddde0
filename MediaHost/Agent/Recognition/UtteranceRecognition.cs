using System.Text;
using System.Threading.Channels;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Streaming recognition of one caller turn. Opened when the caller starts speaking (the pre-roll is pushed first),
/// fed frame by frame through a bounded queue so that the listener never waits on the provider, completed at the
/// endpoint. Interims (with the finals so far) are kept for the end-of-turn model; the finals joined are the turn's
/// <see cref="Text"/>. <see cref="Abandon"/> cancels it (a discarded noise, a backchannel, a timeout, a barge-in).
/// </summary>
internal sealed class UtteranceRecognition
{
    /// <summary>Frames waiting for the provider: 5 s. A provider that falls that far behind loses the oldest audio
    /// rather than stall the listener (which would delay barge-in and endpointing for the whole call).</summary>
    public const int QueueFrames = 250;

    private readonly Channel<short[]> _frames;
    private readonly CancellationTokenSource _cancellation;
    private readonly AudioFramePool _pool;
    private volatile string? _partial;
    // Media time the provider had decoded when it gave _partial, in ms; -1 while the provider has said nothing of it.
    // Written after _partial and read before it, so the words read are never older than the coverage read.
    private long _partialCoversMs = -1;
    private int _pushedFrames;

    public UtteranceRecognition(IStreamingSpeechToText provider, RecognitionRequest request, AudioFramePool pool, CancellationToken callLifetime)
    {
        _pool = pool;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(callLifetime);
        _frames = Channel.CreateBounded<short[]>(
            new BoundedChannelOptions(QueueFrames) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            pool.Return);
        var token = _cancellation.Token;
        Text = Task.Run(() => RecognizeAsync(provider, request, token), CancellationToken.None);
        // Observed here so that an abandoned recognition's failure is never reported as unobserved.
        _ = Text.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>The finals so far and the current interim: what the caller has said up to now, as far as is known.</summary>
    public string? PartialTranscript => _partial;

    /// <summary>
    /// How far the audio pushed so far runs ahead of what <see cref="PartialTranscript"/> has heard: the media time
    /// not yet covered by the provider's latest result. Null when the provider does not say how much audio its results
    /// cover. Read on the listener, which is also the one pushing frames.
    /// </summary>
    public TimeSpan? PartialLag
    {
        get
        {
            var covered = Volatile.Read(ref _partialCoversMs);
            if (covered < 0)
            {
                return null;
            }
            var lag = (long)_pushedFrames * MediaModel.AudioFormat.FrameMilliseconds - covered;
            return TimeSpan.FromMilliseconds(Math.Max(0, lag));
        }
    }

    /// <summary>
    /// The turn's text (finals joined with spaces, trimmed; empty when nothing was recognised). Throws
    /// <see cref="Providers.ProviderException"/> when the provider failed, <see cref="OperationCanceledException"/> once abandoned.
    /// </summary>
    public Task<string> Text { get; }

    /// <summary>Pushes one 20 ms frame (copied). Never waits.</summary>
    public void Push(ReadOnlySpan<short> frame)
    {
        var copy = _pool.Rent();
        frame.CopyTo(copy);
        _pushedFrames++;
        if (!_frames.Writer.TryWrite(copy))
        {
            _pool.Return(copy); // completed or abandoned: the audio is not needed any more
        }
    }

    /// <summary>The endpoint: no more audio; the provider's remaining finals follow.</summary>
    public void Complete() => _frames.Writer.TryComplete();

    /// <summary>Stops recognition now; <see cref="Text"/> ends cancelled. Safe to call more than once, from any thread.</summary>
    public void Abandon()
    {
        _frames.Writer.TryComplete();
        try
        {
            // CancelAsync: a provider's clean-up (a killed process, a closed socket) must not hold up the caller.
            _ = _cancellation.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // Recognition had already finished.
        }
    }

    private async Task<string> RecognizeAsync(IStreamingSpeechToText provider, RecognitionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await provider.StartAsync(request, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var results = ReadResultsAsync(stream, cancellationToken);
                try
                {
                    await FeedAsync(stream, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await _cancellation.CancelAsync().ConfigureAwait(false);
                    await ((Task)results).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    throw;
                }
                return await results.ConfigureAwait(false);
            }
        }
        finally
        {
            while (_frames.Reader.TryRead(out var left))
            {
                _pool.Return(left);
            }
            _cancellation.Dispose();
        }
    }

    private async Task FeedAsync(IRecognitionStream stream, CancellationToken cancellationToken)
    {
        await foreach (var frame in _frames.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _pool.Return(frame);
            }
        }
        cancellationToken.ThrowIfCancellationRequested(); // abandoned: the audio ended early, not at an endpoint
        await stream.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ReadResultsAsync(IRecognitionStream stream, CancellationToken cancellationToken)
    {
        var finals = new StringBuilder();
        await foreach (var result in stream.Results(cancellationToken).ConfigureAwait(false))
        {
            var text = result.Text.Trim();
            if (result.IsFinal && text.Length > 0)
            {
                finals.Append(finals.Length > 0 ? " " : "").Append(text);
            }
            var partial = result.IsFinal || text.Length == 0 ? finals.ToString() : (finals.Length > 0 ? finals + " " + text : text);
            if (!string.Equals(partial, _partial, StringComparison.Ordinal))
            {
                _partial = partial;
            }
            if (result.AudioCovered is { } covered)
            {
                Volatile.Write(ref _partialCoversMs, (long)covered.TotalMilliseconds);
            }
        }
        return finals.ToString();
    }
}
