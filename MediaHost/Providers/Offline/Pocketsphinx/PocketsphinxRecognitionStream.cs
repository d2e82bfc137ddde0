using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using VoiceFunctions.MediaHost.Providers.Recognition;
using CodecResampler = VoiceFunctions.MediaHost.Codecs.Resampler;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// One utterance on a rented decoder. <see cref="WriteAsync"/> copies the frame into a pooled buffer and queues it
/// (the audio loop never runs the decoder); a worker on the shared <see cref="DecodingThreads"/> feeds the decoder as audio arrives, publishes the best hypothesis
/// as an interim whenever it changes (read every <see cref="PocketsphinxStreamingOptions.InterimIntervalMs"/>), and
/// at the end of the audio ends the utterance and publishes the final. Disposing returns the decoder to the pool.
/// </summary>
internal sealed class PocketsphinxRecognitionStream : IRecognitionStream
{
    private const int ModelRate = 16_000;

    private readonly PocketsphinxDecoderPool _pool;
    private readonly PocketsphinxDecoder _decoder;
    private readonly CodecResampler? _upsampler;
    private readonly SpectralFolding? _folding;
    private readonly int _interimSamples;
    // Audio: bounded, writers wait when the decoder is MaxBufferedMs behind (dropping audio would corrupt the words).
    private readonly Channel<(short[] Buffer, int Length)> _audio;
    // Results: unbounded but small (at most one interim per interval, one final); control data never drops.
    private readonly Channel<RecognitionResult> _results = Channel.CreateUnbounded<RecognitionResult>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;
    private int _disposed;

    public PocketsphinxRecognitionStream(PocketsphinxDecoderPool pool, PocketsphinxDecoder decoder, int sampleRate, SpeakerCepstralMean? speaker, PocketsphinxStreamingOptions options, DecodingThreads threads)
    {
        _pool = pool;
        _decoder = decoder;
        // The en-us model is a 16 kHz model: 8 kHz features on it measured worse than feeding it 16 kHz, and phone-band
        // audio is folded rather than interpolated (SpectralFolding; see bench/results/recognition.md).
        if (options.FoldNarrowband && (sampleRate != ModelRate || options.FoldWideband))
        {
            _folding = new SpectralFolding(sampleRate);
        }
        else
        {
            _upsampler = sampleRate == ModelRate ? null : new CodecResampler(sampleRate, ModelRate);
        }
        _interimSamples = ModelRate * options.InterimIntervalMs / 1000;
        var frames = Math.Max(1, options.MaxBufferedMs / MediaModel.AudioFormat.FrameMilliseconds);
        _audio = Channel.CreateBounded<(short[] Buffer, int Length)>(new BoundedChannelOptions(frames) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        _decoder.StartUtterance(speaker);
        _worker = threads.Run(DecodeAsync);
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        if (_worker.IsFaulted)
        {
            throw Failure(_worker.Exception);
        }
        var length = _folding?.MaxOutputFor(frame.Length) ?? _upsampler?.MaxOutputFor(frame.Length) ?? frame.Length;
        var buffer = ArrayPool<short>.Shared.Rent(length);
        length = _folding is not null ? _folding.Process(frame.Span, buffer)
            : _upsampler is not null ? _upsampler.Process(frame.Span, buffer)
            : Copy(frame.Span, buffer);
        try
        {
            await _audio.Writer.WriteAsync((buffer, length), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            ArrayPool<short>.Shared.Return(buffer);
            throw new ProviderException("pocketsphinx", "audio written after the stream was completed or failed", isTransient: false);
        }
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        _audio.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<RecognitionResult> Results([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in _results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _audio.Writer.TryComplete();
        _stop.Cancel();
        try
        {
            await _worker.ConfigureAwait(false);
            _pool.Return(_decoder);
        }
        catch (OperationCanceledException)
        {
            _pool.Return(_decoder);
        }
        catch (Exception)
        {
            // A native call failed: the decoder's state is unknown, so it is not reused.
            _pool.Discard(_decoder);
        }
        while (_audio.Reader.TryRead(out var left))
        {
            ArrayPool<short>.Shared.Return(left.Buffer);
        }
        _stop.Dispose();
    }

    private async Task DecodeAsync()
    {
        try
        {
            var sinceInterim = 0;
            long decoded = 0;
            var words = "";
            // ConfigureAwait(true): each frame's decoding resumes on the decoding threads, never on the thread pool.
            await foreach (var (buffer, length) in _audio.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(true))
            {
                try
                {
                    _decoder.Process(buffer.AsSpan(0, length));
                }
                finally
                {
                    ArrayPool<short>.Shared.Return(buffer);
                }
                sinceInterim += length;
                decoded += length;
                if (sinceInterim >= _interimSamples)
                {
                    sinceInterim = 0;
                    // Published at every interval, changed or not: how far the decoder has heard is news to the
                    // end-of-turn decision even when the words are the same. The grammar search's hypothesis is empty
                    // while no word ends at the current frame (a pause), so the last words found stand until newer ones.
                    if (_decoder.RefreshHypothesis() && _decoder.LastHypothesis.Length > 0)
                    {
                        words = _decoder.LastHypothesis;
                    }
                    _results.Writer.TryWrite(RecognitionResult.Interim(words) with { AudioCovered = TimeSpan.FromSeconds((double)decoded / ModelRate) });
                }
            }
            _results.Writer.TryWrite(RecognitionResult.Final(_decoder.EndUtterance()));
            _results.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            _results.Writer.TryComplete(new OperationCanceledException("the recognition stream was disposed"));
            throw;
        }
        catch (Exception e)
        {
            _results.Writer.TryComplete(Failure(e));
            _audio.Writer.TryComplete();
            throw;
        }
    }

    private static int Copy(ReadOnlySpan<short> frame, short[] buffer)
    {
        frame.CopyTo(buffer);
        return frame.Length;
    }

    private static ProviderException Failure(Exception? e) =>
        e?.GetBaseException() as ProviderException ?? new ProviderException("pocketsphinx", "decoding failed", isTransient: false, inner: e);
}
