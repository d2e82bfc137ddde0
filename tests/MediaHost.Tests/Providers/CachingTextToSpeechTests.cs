using System.Runtime.CompilerServices;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers;

/// <summary>The sentence cache in front of the TTS provider: repeats cost no synthesis, failures are not kept, memory is bounded.</summary>
public sealed class CachingTextToSpeechTests
{
    [Fact]
    public async Task Repeated_sentence_is_played_from_memory_with_the_same_audio_in_new_arrays()
    {
        var provider = new CountingTts();
        var tts = new CachingTextToSpeech(provider, "espeak|en-us", new TtsCacheOptions());

        var first = await CollectAsync(tts, "We are open every day.", "en-US");
        var second = await CollectAsync(tts, "We are open every day.", "en-US");

        Assert.Equal(1, provider.Calls);
        Assert.Equal((1, 1), (tts.Misses, tts.Hits));
        Assert.Equal(first.Length, second.Length);
        for (var i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i], second[i]);
            Assert.NotSame(first[i], second[i]);
        }
        first[0][0] = 12345; // a caller changing its frames does not change what the cache plays next
        Assert.NotEqual(12345, (await CollectAsync(tts, "We are open every day.", "en-US"))[0][0]);
    }

    [Fact]
    public async Task Another_language_or_voice_is_a_different_sentence()
    {
        var provider = new CountingTts();
        var options = new TtsCacheOptions();
        var english = new CachingTextToSpeech(provider, "espeak|en-us", options);
        var otherVoice = new CachingTextToSpeech(provider, "espeak|en-gb", options);

        await CollectAsync(english, "Hello", "en-US");
        await CollectAsync(english, "Hello", "ru-RU");
        await CollectAsync(otherVoice, "Hello", "en-US");

        Assert.Equal(3, provider.Calls);
    }

    [Fact]
    public async Task Failed_or_cancelled_synthesis_is_not_kept()
    {
        var provider = new CountingTts { FailAfterFrames = 2 };
        var tts = new CachingTextToSpeech(provider, "v", new TtsCacheOptions());

        await Assert.ThrowsAsync<ProviderException>(() => CollectAsync(tts, "broken", "en-US"));
        provider.FailAfterFrames = null;
        using var cancelled = new CancellationTokenSource();
        await foreach (var _ in tts.SynthesizeAsync("cut short", "en-US", cancelled.Token))
        {
            break; // the caller stops listening (barge-in): the sentence is incomplete
        }

        Assert.Equal(0, tts.Count);
        await CollectAsync(tts, "broken", "en-US");
        Assert.Equal(1, tts.Count);
    }

    [Fact]
    public async Task Least_recently_used_sentences_go_first_when_the_entry_or_audio_bound_is_reached()
    {
        var provider = new CountingTts { FramesPerSentence = 50 }; // 1 s each
        var tts = new CachingTextToSpeech(provider, "v", new TtsCacheOptions { MaxEntries = 3, MaxTotalSeconds = 2, MaxSentenceSeconds = 1 });

        await CollectAsync(tts, "a", "en-US");
        await CollectAsync(tts, "b", "en-US");
        await CollectAsync(tts, "a", "en-US"); // a is now the most recent
        await CollectAsync(tts, "c", "en-US"); // 3 s > 2 s: b goes
        var calls = provider.Calls;
        await CollectAsync(tts, "a", "en-US");
        await CollectAsync(tts, "c", "en-US");
        Assert.Equal(calls, provider.Calls);
        await CollectAsync(tts, "b", "en-US");
        Assert.Equal(calls + 1, provider.Calls);
        Assert.Equal(2, tts.Count);

        provider.FramesPerSentence = 51; // over MaxSentenceSeconds: played, never kept
        await CollectAsync(tts, "long", "en-US");
        await CollectAsync(tts, "long", "en-US");
        Assert.Equal(calls + 3, provider.Calls);
    }

    private static async Task<short[][]> CollectAsync(ITextToSpeech tts, string text, string language)
    {
        var frames = new List<short[]>();
        await foreach (var frame in tts.SynthesizeAsync(text, language, CancellationToken.None).WithCancellation(CancellationToken.None))
        {
            frames.Add(frame);
        }
        return frames.ToArray();
    }

    /// <summary>Yields frames whose samples encode the text and the frame index; counts syntheses.</summary>
    private sealed class CountingTts : ITextToSpeech
    {
        public int Calls;
        public int FramesPerSentence { get; set; } = 5;
        public int? FailAfterFrames { get; set; }

        public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            for (var i = 0; i < FramesPerSentence; i++)
            {
                if (i == FailAfterFrames)
                {
                    throw new ProviderException("espeak-ng", "synthesis failed", isTransient: false);
                }
                await Task.Yield();
                var frame = new short[AudioFormat.SamplesPerFrame];
                Array.Fill(frame, (short)(text.GetHashCode() % 1000 + i));
                yield return frame;
            }
        }
    }
}
