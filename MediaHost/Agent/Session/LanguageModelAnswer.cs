using System.Threading.Channels;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// One LLM round of a turn: streams the model's answer, cut into sentences for TTS as it arrives, and collects its
/// tool calls. Each piece must arrive within the provider timeout. A provider failure is returned, not thrown, so
/// that the sentences already written are still spoken before the fallback.
/// </summary>
internal sealed class LanguageModelAnswer(AgentCall call, ConversationHistory history, IReadOnlyList<ToolDefinition> tools)
{
    public async Task<ProviderException?> WriteAsync(AgentTurn turn, ChannelWriter<string> sentences, List<ToolCall> calls)
    {
        var started = call.Time.GetTimestamp();
        var chunker = new SentenceChunker();
        using var stage = new StageTimeout(call.Time, call.Options.ProviderTimeout, "llm", turn.Token);
        var request = new LanguageModelRequest(history.ForRequest(), tools, call.Language);
        try
        {
            var stream = call.Deps.LanguageModel.StreamAsync(request, stage.Token).GetAsyncEnumerator(stage.Token);
            try
            {
                while (await stage.GuardAsync(stream.MoveNextAsync()).ConfigureAwait(false))
                {
                    stage.Restart();
                    turn.LlmTimeToFirstToken ??= call.Time.GetElapsedTime(started);
                    var update = stream.Current;
                    if (update.ToolCall is { } toolCall)
                    {
                        calls.Add(toolCall);
                    }
                    else if (update.Text is { } text)
                    {
                        chunker.Append(text);
                        while (chunker.TryTakeSentence(out var sentence))
                        {
                            stage.Pause(); // waiting for TTS to take the sentence is not the model's time
                            await WriteAsync(turn, sentences, sentence).ConfigureAwait(false);
                            stage.Restart();
                        }
                    }
                }
            }
            finally
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            if (chunker.Flush() is { } rest)
            {
                await WriteAsync(turn, sentences, rest).ConfigureAwait(false);
            }
            return null;
        }
        catch (ProviderException e)
        {
            return e;
        }
        catch (ChannelClosedException)
        {
            return null; // the speaker stopped (its TTS failed): the rest of the answer would not be heard
        }
        finally
        {
            sentences.TryComplete();
        }
    }

    private static async ValueTask WriteAsync(AgentTurn turn, ChannelWriter<string> sentences, string sentence)
    {
        turn.Spoken.Generated(sentence);
        await sentences.WriteAsync(sentence, turn.Token).ConfigureAwait(false);
    }
}
