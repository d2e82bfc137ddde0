using System.Threading.Channels;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Turns the agent's words into audio on the call: sentences through TTS into a bounded queue of frames that the
/// playback drains, and fixed phrases from the shared cache. The queue waits when full: agent audio is never dropped,
/// TTS simply runs ahead less. A TTS failure ends the speech and is answered with the fallback phrase.
/// </summary>
internal sealed class AgentSpeaker(AgentCall call, AgentPlayback playback)
{
    private readonly record struct AgentFrame(short[] Samples, int Sentence);

    /// <summary>Speaks sentences as they arrive (the first plays while the model still writes the rest).</summary>
    public async Task SpeakSentencesAsync(AgentTurn turn, ChannelReader<string> sentences)
    {
        // Wait when full (see above); PlaybackQueueFrames bounds how far TTS runs ahead of the call.
        var frames = Channel.CreateBounded<AgentFrame>(new BoundedChannelOptions(call.Options.PlaybackQueueFrames)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        var synthesis = SynthesizeAsync(turn, sentences, frames.Writer);
        await foreach (var frame in frames.Reader.ReadAllAsync(turn.Token).ConfigureAwait(false))
        {
            await playback.WriteAsync(turn, frame.Samples, frame.Sentence).ConfigureAwait(false);
        }
        if (await synthesis.ConfigureAwait(false) is { } failure)
        {
            turn.Failure = failure;
            AgentLog.ProviderFailed(call.Deps.Logger, call.CallId, turn.Index, failure is ProviderTimeoutException ? "timeout" : failure.Provider, failure.Message);
            await SpeakPhraseAsync(turn, call.Phrases.Fallback).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Speaks a fixed phrase from the shared cache (rendered once). If it cannot be rendered, the fallback phrase or a
    /// short tone plays instead, so that the caller never hears nothing at all.
    /// </summary>
    public async Task SpeakPhraseAsync(AgentTurn turn, string phrase)
    {
        short[][] frames;
        using (var stage = new StageTimeout(call.Time, call.Options.ProviderTimeout, "tts", turn.Token))
        {
            try
            {
                frames = await call.Deps.Phrases.GetAsync(phrase, call.Language, stage.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ProviderException || (e is OperationCanceledException && stage.Fired))
            {
                turn.Failure ??= e as ProviderException ?? stage.Translate();
                frames = call.Deps.Phrases.TryGet(call.Phrases.Fallback, call.Language, out var fallback) ? fallback : AttentionTone.Frames;
            }
        }
        var index = turn.Spoken.AddSentence(phrase);
        foreach (var frame in frames)
        {
            await playback.WriteAsync(turn, frame, index).ConfigureAwait(false);
        }
    }

    private async Task<ProviderException?> SynthesizeAsync(AgentTurn turn, ChannelReader<string> sentences, ChannelWriter<AgentFrame> frames)
    {
        try
        {
            await foreach (var sentence in sentences.ReadAllAsync(turn.Token).ConfigureAwait(false))
            {
                await SynthesizeSentenceAsync(turn, sentence, frames).ConfigureAwait(false);
            }
            return null;
        }
        catch (ProviderException e)
        {
            return e;
        }
        finally
        {
            frames.TryComplete();
        }
    }

    private async Task SynthesizeSentenceAsync(AgentTurn turn, string sentence, ChannelWriter<AgentFrame> frames)
    {
        var index = turn.Spoken.AddSentence(sentence);
        var started = call.Time.GetTimestamp();
        using var stage = new StageTimeout(call.Time, call.Options.ProviderTimeout, "tts", turn.Token);
        var audio = call.Deps.TextToSpeech.SynthesizeAsync(sentence, call.Language, stage.Token).GetAsyncEnumerator(stage.Token);
        try
        {
            while (await stage.GuardAsync(audio.MoveNextAsync()).ConfigureAwait(false))
            {
                turn.TtsTimeToFirstAudio ??= call.Time.GetElapsedTime(started);
                stage.Pause(); // waiting for room in the playback queue is not the provider's time
                await frames.WriteAsync(new AgentFrame(audio.Current, index), turn.Token).ConfigureAwait(false);
                stage.Restart();
            }
        }
        finally
        {
            await audio.DisposeAsync().ConfigureAwait(false);
        }
    }
}
