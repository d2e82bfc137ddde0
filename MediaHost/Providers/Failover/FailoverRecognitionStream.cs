using System.Runtime.CompilerServices;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// One utterance on a failover chain (see <see cref="FailoverSpeechToText"/>). Keeps the utterance's audio (bounded)
/// so that a provider taking over hears it all. A provider that already delivered a final keeps the turn: its
/// finals cannot be taken back.
/// </summary>
internal sealed class FailoverRecognitionStream(FailoverSpeechToText chain, RecognitionRequest request, List<ChainMember<IStreamingSpeechToText>> order)
    : IRecognitionStream
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<short> _audio = new(request.SampleRate * 4);
    private readonly int _maxSamples = request.SampleRate * FailoverSpeechToText.MaxReplaySeconds;
    private readonly List<Exception> _failures = [];
    private IRecognitionStream? _current;
    private ChainMember<IStreamingSpeechToText>? _member;
    private CancellationTokenSource _deadline = new();
    private int _next;
    private long _deadlineArmedAt;
    private bool _completed;
    private bool _finalDelivered;

    public async ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_audio.Count + frame.Length <= _maxSamples)
            {
                _audio.AddRange(frame.Span);
            }
            try
            {
                await _current!.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (VendorFault.FailsOver(e) && !_finalDelivered && !cancellationToken.IsCancellationRequested)
            {
                await FailOverLockedAsync(e, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _completed = true;
            try
            {
                await CompleteCurrentLockedAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (VendorFault.FailsOver(e) && !_finalDelivered && !cancellationToken.IsCancellationRequested)
            {
                await FailOverLockedAsync(e, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async IAsyncEnumerable<RecognitionResult> Results([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            IRecognitionStream current;
            CancellationTokenSource deadline;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            (current, deadline) = (_current!, _deadline);
            _gate.Release();
            // The vendor's read runs on the caller's token only: the first-result deadline is raced against it
            // (NextBeforeDeadlineAsync), so an answer that arrived in time is taken even when we come for it late.
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var results = current.Results(reading.Token).GetAsyncEnumerator(reading.Token);
            Exception? failure = null;
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await NextBeforeDeadlineAsync(results, deadline, reading).ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested && (Replaced(current)
                        || (!_finalDelivered && VendorFault.FailsOver(e))))
                    {
                        failure = e;
                        break;
                    }
                    var result = results.Current;
                    if (_completed || result.IsFinal)
                    {
#pragma warning disable RS0030 // the source runs on the injected TimeProvider
                        deadline.CancelAfter(Timeout.InfiniteTimeSpan); // the provider answered: no more deadline
#pragma warning restore RS0030
                    }
                    _finalDelivered |= result.IsFinal;
                    yield return result;
                }
            }
            finally
            {
                await results.DisposeAsync().ConfigureAwait(false);
            }
            if (failure is null && !Replaced(current))
            {
                ProviderJournal.Served("stt", _member!.Name);
                yield break; // the provider ended the stream normally
            }
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (failure is not null && !Replaced(current))
                {
                    await FailOverLockedAsync(failure, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>
    /// The provider's next result, unless the first-result deadline expires first. A result already there wins,
    /// however late we came for it (our reader may not have been scheduled); an expiry we saw well after it was due
    /// is our lateness (<see cref="VendorFault.IsOurLateness"/>) and is not counted against the provider.
    /// </summary>
    private async ValueTask<bool> NextBeforeDeadlineAsync(IAsyncEnumerator<RecognitionResult> results, CancellationTokenSource deadline, CancellationTokenSource reading)
    {
        var move = results.MoveNextAsync();
        if (move.IsCompleted)
        {
            return await move.ConfigureAwait(false);
        }
        var next = move.AsTask();
        var expired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (deadline.Token.Register(() => expired.TrySetResult()))
        {
            await Task.WhenAny(next, expired.Task).ConfigureAwait(false);
        }
        return await VendorFault.AnswerOrTimeoutAsync(next, Volatile.Read(ref _deadlineArmedAt), chain.Options.FirstResultDeadline, _member!.Name, chain.Time, reading).ConfigureAwait(false);
    }

    /// <summary>True when a failure seen by the writer already moved the turn to another provider.</summary>
    private bool Replaced(IRecognitionStream stream) => !ReferenceEquals(stream, Volatile.Read(ref _current));

    /// <summary>Starts the first provider that opens a stream (called once, before the stream is handed out).</summary>
    internal async Task StartNextAsync(CancellationToken cancellationToken)
    {
        while (_next < order.Count)
        {
            var member = order[_next++];
            var started = chain.Time.GetTimestamp();
            try
            {
                var stream = await FailoverSpeechToText.OpenAsync(member, request, cancellationToken).ConfigureAwait(false);
                await ReplaceCurrentAsync(member, stream).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (VendorFault.FailsOver(e) && !cancellationToken.IsCancellationRequested)
            {
                _failures.Add(e);
                member.Health.MarkFailed(e);
                ProviderJournal.Failed("stt", member.Name, e);
                FailoverLog.AttemptFailed(chain.Logger, "stt", member.Name, chain.Time.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name,
                    _next < order.Count ? "trying " + order[_next].Name : "no provider left");
            }
        }
        throw FailoverRunner.Exhausted("stt", _failures, chain.Logger);
    }

    /// <summary>The current provider failed: the next one starts, hears the utterance so far, and is completed if the turn ended.</summary>
    private async Task FailOverLockedAsync(Exception failure, CancellationToken cancellationToken)
    {
        _failures.Add(failure);
        _member!.Health.MarkFailed(failure);
        ProviderJournal.Failed("stt", _member.Name, failure);
        FailoverLog.AttemptFailed(chain.Logger, "stt", _member.Name, 0, failure.GetType().Name, _next < order.Count ? "trying " + order[_next].Name : "no provider left");
        while (true)
        {
            await StartNextAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var audio = _audio.ToArray();
                var frame = request.SampleRate / 50;
                for (var offset = 0; offset < audio.Length; offset += frame)
                {
                    await _current!.WriteAsync(audio.AsMemory(offset, Math.Min(frame, audio.Length - offset)), cancellationToken).ConfigureAwait(false);
                }
                if (_completed)
                {
                    await CompleteCurrentLockedAsync(cancellationToken).ConfigureAwait(false);
                }
                return;
            }
            catch (Exception e) when (VendorFault.FailsOver(e) && !cancellationToken.IsCancellationRequested)
            {
                _failures.Add(e);
                _member.Health.MarkFailed(e);
            }
        }
    }

    /// <summary>
    /// Ends the current provider's audio and starts its first-result deadline, measured from when the audio was
    /// actually sent. The last provider left has none: cutting it would only leave the turn without an answer, so the
    /// session's stage deadline bounds it (no apology while a provider may still answer in the call's time).
    /// </summary>
    private async Task CompleteCurrentLockedAsync(CancellationToken cancellationToken)
    {
        await _current!.CompleteAsync(cancellationToken).ConfigureAwait(false);
        if (_next >= order.Count)
        {
            return;
        }
        Volatile.Write(ref _deadlineArmedAt, chain.Time.GetTimestamp());
#pragma warning disable RS0030 // the source runs on the injected TimeProvider
        _deadline.CancelAfter(chain.Options.FirstResultDeadline);
#pragma warning restore RS0030
    }

    private async Task ReplaceCurrentAsync(ChainMember<IStreamingSpeechToText> member, IRecognitionStream stream)
    {
        var previous = _current;
        _current = stream;
        _member = member;
        // The previous deadline source is left to the collector, not disposed: a reader may still be touching it.
        _deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, chain.Time);
        if (previous is not null)
        {
            await previous.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync().ConfigureAwait(false);
        }
        _deadline.Dispose();
        _gate.Dispose();
    }
}
