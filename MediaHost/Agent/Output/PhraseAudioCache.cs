using System.Collections.Concurrent;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Synthesised audio of the agent's fixed phrases (greeting, fallback, re-prompt...), shared by all calls, so they
/// play at once and — for the fallback — even while the TTS provider is failing. A failed synthesis is not kept.
/// </summary>
public sealed class PhraseAudioCache(ITextToSpeech tts)
{
    private readonly ConcurrentDictionary<(string Text, string Language), Lazy<Task<short[][]>>> _phrases = new();

    public async Task<short[][]> GetAsync(string text, string language, CancellationToken cancellationToken)
    {
        var key = (text, language);
        var entry = _phrases.GetOrAdd(key, k => new Lazy<Task<short[][]>>(() => RenderAsync(k.Text, k.Language)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            _phrases.TryRemove(new KeyValuePair<(string, string), Lazy<Task<short[][]>>>(key, entry));
            throw;
        }
    }

    /// <summary>Whether the phrase is rendered and ready.</summary>
    public bool TryGet(string text, string language, out short[][] frames)
    {
        if (_phrases.TryGetValue((text, language), out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
        {
            frames = entry.Value.Result;
            return true;
        }
        frames = [];
        return false;
    }

    private async Task<short[][]> RenderAsync(string text, string language)
    {
        // Rendered once for all calls, so no single call's cancellation applies.
        var frames = new List<short[]>();
        await foreach (var frame in tts.SynthesizeAsync(text, language, CancellationToken.None).ConfigureAwait(false))
        {
            frames.Add(frame);
        }
        return frames.ToArray();
    }
}
