using System.Runtime.CompilerServices;
using System.Threading.Channels;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// One LLM request started on the caller's words before the end of their turn. The model's updates are kept in memory
/// (an answer is a few hundred tokens) and nothing is spoken: a turn that ends with the same words reads them through
/// <see cref="ReadAsync"/> as if it had asked the model itself; otherwise <see cref="Cancel"/> stops the request and
/// the updates are dropped unheard.
/// </summary>
internal sealed class PreemptiveAnswer
{
    private readonly Channel<LanguageModelUpdate> _updates = Channel.CreateUnbounded<LanguageModelUpdate>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _cancellation;
    private readonly TimeProvider _time;
    private long _firstUpdateAt;

    private PreemptiveAnswer(string words, TimeProvider time, CancellationToken callLifetime)
    {
        Words = words;
        _time = time;
        StartedAt = time.GetTimestamp();
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(callLifetime);
    }

    /// <summary>The caller's words the model was asked about.</summary>
    public string Words { get; }

    /// <summary>When the request was made (the session's TimeProvider timestamp).</summary>
    public long StartedAt { get; }

    /// <summary>Sends <paramref name="request"/> (the history with <paramref name="words"/> as the caller's message) to the model now.</summary>
    public static PreemptiveAnswer Start(ILanguageModel model, LanguageModelRequest request, string words, TimeProvider time, CancellationToken callLifetime)
    {
        var answer = new PreemptiveAnswer(words, time, callLifetime);
        var token = answer._cancellation.Token;
        _ = Task.Run(() => answer.PumpAsync(model, request, token), CancellationToken.None);
        return answer;
    }

    /// <summary>Whether the turn's final words are the words this answer was started on (case, punctuation and spacing aside).</summary>
    public bool Matches(string finalWords) => string.Equals(Normalize(Words), Normalize(finalWords), StringComparison.Ordinal);

    /// <summary>
    /// The LLM time this answer saved a turn that adopts it at <paramref name="adoptedAt"/>: how long it had been running
    /// then, but no more than it took to its first update (waiting after that point saves nothing).
    /// </summary>
    public TimeSpan SavedAt(long adoptedAt)
    {
        var first = Interlocked.Read(ref _firstUpdateAt);
        var end = first != 0 && first < adoptedAt ? first : adoptedAt;
        return _time.GetElapsedTime(StartedAt, end);
    }

    /// <summary>The model's updates from the first, as they arrive; ends when the model's stream does, throwing what it threw.</summary>
    public async IAsyncEnumerable<LanguageModelUpdate> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var update in _updates.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    /// <summary>Stops the request; its updates are never read. Safe to call more than once.</summary>
    public void Cancel()
    {
        try
        {
            _ = _cancellation.CancelAsync(); // a provider's clean-up must not hold up the turn runner
        }
        catch (ObjectDisposedException)
        {
            // The request had already ended.
        }
    }

    private async Task PumpAsync(ILanguageModel model, LanguageModelRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in model.StreamAsync(request, cancellationToken).ConfigureAwait(false))
            {
                Interlocked.CompareExchange(ref _firstUpdateAt, _time.GetTimestamp(), 0);
                _updates.Writer.TryWrite(update);
            }
            _updates.Writer.TryComplete();
        }
        catch (Exception e)
        {
            // A failure reaches the turn that reads the answer (as the model's own failure would); a cancelled answer is never read.
            _updates.Writer.TryComplete(e);
        }
        finally
        {
            _cancellation.Dispose();
        }
    }

    private static string Normalize(string words)
    {
        var kept = new System.Text.StringBuilder(words.Length);
        foreach (var c in words)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept.Append(char.ToLowerInvariant(c));
            }
            else if (kept.Length > 0 && kept[^1] != ' ')
            {
                kept.Append(' ');
            }
        }
        return kept.ToString().TrimEnd();
    }
}
