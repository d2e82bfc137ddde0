using System.Threading.Channels;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

public sealed partial class AgentSession
{
    private readonly record struct AgentFrame(short[] Samples, int Sentence);

    /// <summary>
    /// Speaks sentences as they arrive: TTS per sentence into a bounded queue of frames, and a writer that hands
    /// them to the call. The queue waits when full (agent audio is never dropped, TTS simply runs ahead less).
    /// A TTS failure ends the speech and is reported with the fallback phrase from the cache.
    /// </summary>
    private async Task SpeakSentencesAsync(AgentTurn turn, ChannelReader<string> sentences)
    {
        var frames = Channel.CreateBounded<AgentFrame>(new BoundedChannelOptions(_options.PlaybackQueueFrames)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        var synthesis = SynthesizeAsync(turn, sentences, frames.Writer);
        await WriteFramesAsync(turn, frames.Reader).ConfigureAwait(false);
        var failure = await synthesis.ConfigureAwait(false);
        if (failure is not null)
        {
            turn.Failure = failure;
            AgentLog.ProviderFailed(_deps.Logger, _call.Call.CallId, turn.Index, failure is ProviderTimeoutException ? "timeout" : failure.Provider, failure.Message);
            await SpeakPhraseAsync(turn, _phrases.Fallback).ConfigureAwait(false);
        }
    }

    private async Task<ProviderException?> SynthesizeAsync(AgentTurn turn, ChannelReader<string> sentences, ChannelWriter<AgentFrame> frames)
    {
        try
        {
            await foreach (var sentence in sentences.ReadAllAsync(turn.Token).ConfigureAwait(false))
            {
                var index = turn.Spoken.AddSentence(sentence);
                var started = _deps.Time.GetTimestamp();
                using var stage = new StageTimeout(_deps.Time, _options.ProviderTimeout, "tts", turn.Token);
                var audio = _deps.TextToSpeech.SynthesizeAsync(sentence, _language, stage.Token).GetAsyncEnumerator(stage.Token);
                try
                {
                    while (true)
                    {
                        bool more;
                        try
                        {
                            more = await audio.MoveNextAsync().ConfigureAwait(false);
                        }
                        catch (OperationCanceledException) when (stage.Fired)
                        {
                            throw stage.Translate();
                        }
                        if (!more)
                        {
                            break;
                        }
                        turn.TtsTimeToFirstAudio ??= _deps.Time.GetElapsedTime(started);
                        stage.Pause();
                        await frames.WriteAsync(new AgentFrame(audio.Current, index), turn.Token).ConfigureAwait(false);
                        stage.Restart();
                    }
                }
                finally
                {
                    await audio.DisposeAsync().ConfigureAwait(false);
                }
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

    private async Task WriteFramesAsync(AgentTurn turn, ChannelReader<AgentFrame> frames)
    {
        await foreach (var frame in frames.ReadAllAsync(turn.Token).ConfigureAwait(false))
        {
            await WriteFrameAsync(turn, frame.Samples, frame.Sentence).ConfigureAwait(false);
        }
    }

    private async ValueTask WriteFrameAsync(AgentTurn turn, short[] samples, int sentence)
    {
        turn.Token.ThrowIfCancellationRequested();
        await _call.WriteFrameAsync(samples, turn.Token).ConfigureAwait(false);
        if (turn.FirstFrameTimestamp == 0)
        {
            turn.FirstFrameTimestamp = _deps.Time.GetTimestamp();
        }
        turn.Spoken.FrameWritten(sentence);
        _echo.AgentFrame(EnergyVoiceActivityDetector.LevelDbfs(samples));
        Interlocked.Increment(ref _outstandingFrames);
    }

    /// <summary>
    /// Speaks a fixed phrase from the shared cache (rendered once). If it cannot be rendered, a short tone is played
    /// instead, so that the caller never hears nothing at all.
    /// </summary>
    private async Task SpeakPhraseAsync(AgentTurn turn, string phrase)
    {
        short[][] frames;
        using (var stage = new StageTimeout(_deps.Time, _options.ProviderTimeout, "tts", turn.Token))
        {
            try
            {
                frames = await _deps.Phrases.GetAsync(phrase, _language, stage.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ProviderException || (e is OperationCanceledException && stage.Fired))
            {
                turn.Failure ??= e as ProviderException ?? stage.Translate();
                frames = _deps.Phrases.TryGet(_phrases.Fallback, _language, out var fallback) ? fallback : AttentionTone.Frames;
            }
        }
        var index = turn.Spoken.AddSentence(phrase);
        foreach (var frame in frames)
        {
            await WriteFrameAsync(turn, frame, index).ConfigureAwait(false);
        }
    }
}
