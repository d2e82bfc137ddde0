using System.Collections.Concurrent;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// A bounded pool of loaded decoders. A stream rents one for its utterance and returns it when disposed, so the
/// model is loaded once per decoder, never per utterance. Decoders are created lazily up to the bound; when all are
/// busy a rent waits briefly and then fails with a <see cref="ProviderException"/> that says the pool is full.
/// Loading a decoder is a second or more of CPU: it runs on its own below-normal thread, never on the thread pool —
/// a burst of callers speaking at once used to load their decoders on pool threads, which starved every call's audio
/// loop for 1–3 s (bench/results/conversation-load.md, session 6). A rent that takes the last idle decoder starts
/// loading the next one, so the next caller usually finds one ready.
/// </summary>
internal sealed class PocketsphinxDecoderPool : IDisposable
{
    private readonly ConcurrentBag<PocketsphinxDecoder> _idle = [];
    private readonly SemaphoreSlim _slots;
    private readonly Func<PocketsphinxDecoder> _create;
    private readonly int _size;
    private readonly TimeSpan _wait;
    private int _created;
    private int _reserved; // decoders loaded or loading: never more than the pool's size
    private readonly Lock _spareGate = new();
    private Task? _spare; // the background load of the next decoder, while it runs
    private bool _disposed;

    public PocketsphinxDecoderPool(int size, TimeSpan wait, Func<PocketsphinxDecoder> create)
    {
        _size = size;
        _wait = wait;
        _create = create;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>Decoders loaded so far (at most the pool's size).</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>Decoders lent out right now.</summary>
    public int Busy => _size - _slots.CurrentCount;

    public async ValueTask<PocketsphinxDecoder> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!await _slots.WaitAsync(_wait, cancellationToken).ConfigureAwait(false))
        {
            throw new ProviderException("pocketsphinx", $"all {_size} decoders are busy (callers speaking at once exceed MaxDecoders)", isTransient: true);
        }
        try
        {
            while (true)
            {
                if (_idle.TryTake(out var decoder))
                {
                    LoadSpareIfNoneIdle();
                    return decoder;
                }
                if (TryReserve())
                {
                    // Loading takes a moment; it happens off the caller's audio path (the session awaits StartAsync).
                    return await LoadAsync().ConfigureAwait(false);
                }
                // Every decoder is loaded or loading and none is idle although we hold a slot: the spare is on its way.
                if (Volatile.Read(ref _spare) is { } spare)
                {
                    await spare.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await Task.Yield(); // a returned decoder is being put back right now
                }
            }
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Decoders being loaded right now, in the background or for a rent.</summary>
    public int Loading => Volatile.Read(ref _reserved) - Created;

    /// <summary>Loads <paramref name="count"/> decoders now (at start), so the first callers do not wait for a model load.</summary>
    public void Warm(int count)
    {
        while (Created < Math.Min(count, _size) && TryReserve())
        {
            try
            {
                _idle.Add(_create());
            }
            catch
            {
                Interlocked.Decrement(ref _reserved);
                throw;
            }
            Interlocked.Increment(ref _created);
        }
    }

    public void Return(PocketsphinxDecoder decoder)
    {
        if (_disposed)
        {
            decoder.Dispose();
            return;
        }
        _idle.Add(decoder);
        _slots.Release();
    }

    /// <summary>Drops a decoder whose native call failed (its state is unknown); the next rent loads a fresh one.</summary>
    public void Discard(PocketsphinxDecoder decoder)
    {
        decoder.Dispose();
        Interlocked.Decrement(ref _created);
        Interlocked.Decrement(ref _reserved);
        if (!_disposed)
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var decoder))
        {
            decoder.Dispose();
        }
    }

    private bool TryReserve()
    {
        while (true)
        {
            var reserved = Volatile.Read(ref _reserved);
            if (reserved >= _size)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _reserved, reserved + 1, reserved) == reserved)
            {
                return true;
            }
        }
    }

    /// <summary>Loads a reserved decoder on its own thread; on failure the reservation is given back.</summary>
    private Task<PocketsphinxDecoder> LoadAsync()
    {
        var loaded = new TaskCompletionSource<PocketsphinxDecoder>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var decoder = _create();
                Interlocked.Increment(ref _created);
                loaded.SetResult(decoder);
            }
            catch (Exception e)
            {
                Interlocked.Decrement(ref _reserved);
                loaded.SetException(e);
            }
        })
        { IsBackground = true, Name = "pocketsphinx decoder load", Priority = ThreadPriority.BelowNormal };
        thread.Start();
        return loaded.Task;
    }

    /// <summary>The last idle decoder was just taken: load the next one now, one at a time, while there is room.</summary>
    private void LoadSpareIfNoneIdle()
    {
        lock (_spareGate)
        {
            if (!_idle.IsEmpty || _disposed || _spare is not null || !TryReserve())
            {
                return;
            }
            _spare = LoadAsync().ContinueWith(AddSpare, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void AddSpare(Task<PocketsphinxDecoder> load)
    {
        if (load.IsCompletedSuccessfully)
        {
            if (_disposed)
            {
                load.Result.Dispose();
            }
            else
            {
                _idle.Add(load.Result);
            }
        }
        // A failed spare load is not an error of any call: the next rent loads (and reports) for itself.
        lock (_spareGate)
        {
            _spare = null;
        }
    }
}
