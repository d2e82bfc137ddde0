using System.Collections.Concurrent;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// A bounded pool of loaded decoders. A stream rents one for its utterance and returns it when disposed, so the
/// model is loaded once per decoder, never per utterance. Decoders are created lazily up to the bound; when all are
/// busy a rent waits briefly and then fails with a <see cref="ProviderException"/> that says the pool is full.
/// </summary>
internal sealed class PocketsphinxDecoderPool : IDisposable
{
    private readonly ConcurrentBag<PocketsphinxDecoder> _idle = [];
    private readonly SemaphoreSlim _slots;
    private readonly Func<PocketsphinxDecoder> _create;
    private readonly int _size;
    private readonly TimeSpan _wait;
    private int _created;
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
        if (_idle.TryTake(out var decoder))
        {
            return decoder;
        }
        try
        {
            // Loading takes a moment; it happens off the caller's audio path (the session awaits StartAsync).
            decoder = await Task.Run(_create, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _created);
            return decoder;
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>Loads <paramref name="count"/> decoders now (at start), so the first callers do not wait for a model load.</summary>
    public void Warm(int count)
    {
        for (var i = Created; i < Math.Min(count, _size); i++)
        {
            _idle.Add(_create());
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
}
