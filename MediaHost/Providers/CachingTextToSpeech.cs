using System.Runtime.CompilerServices;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Keeps what a TTS provider synthesised, keyed by voice, language and text, in a bounded least-recently-used
/// cache (<see cref="TtsCacheOptions"/>). A miss streams from the provider as before (first audio as early as
/// ever) and keeps the frames once the sentence completed; a failed or cancelled synthesis keeps nothing. A hit
/// plays from memory, each frame a new array as the <see cref="ITextToSpeech"/> contract says.
/// </summary>
public sealed class CachingTextToSpeech(ITextToSpeech inner, string voice, TtsCacheOptions options) : ITextToSpeech
{
    private const int FramesPerSecond = 1000 / AudioFormat.FrameMilliseconds;
    private readonly object _lock = new();
    private readonly Dictionary<(string Voice, string Language, string Text), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly long _maxTotalFrames = (long)options.MaxTotalSeconds * FramesPerSecond;
    private readonly int _maxSentenceFrames = options.MaxSentenceSeconds * FramesPerSecond;
    private long _totalFrames;
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);

    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var key = (voice, language, text);
        if (TryGet(key) is { } cached)
        {
            Interlocked.Increment(ref _hits);
            foreach (var frame in cached)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return (short[])frame.Clone();
            }
            yield break;
        }
        Interlocked.Increment(ref _misses);
        var frames = new List<short[]>();
        await foreach (var frame in inner.SynthesizeAsync(text, language, cancellationToken).ConfigureAwait(false))
        {
            if (frames.Count <= _maxSentenceFrames)
            {
                frames.Add((short[])frame.Clone()); // the caller owns the yielded array and may change it
            }
            yield return frame;
        }
        if (frames.Count <= _maxSentenceFrames)
        {
            Add(key, frames.ToArray());
        }
    }

    private short[][]? TryGet((string, string, string) key)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Frames;
        }
    }

    private void Add((string, string, string) key, short[][] frames)
    {
        if (options.MaxEntries == 0 || frames.Length > _maxTotalFrames)
        {
            return;
        }
        lock (_lock)
        {
            if (_entries.ContainsKey(key))
            {
                return; // two calls synthesised the same sentence at once: the first one kept is as good
            }
            _entries[key] = _recency.AddFirst(new Entry(key, frames));
            _totalFrames += frames.Length;
            while (_entries.Count > options.MaxEntries || _totalFrames > _maxTotalFrames)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
                _totalFrames -= oldest.Value.Frames.Length;
            }
        }
    }

    private sealed record Entry((string, string, string) Key, short[][] Frames);
}
