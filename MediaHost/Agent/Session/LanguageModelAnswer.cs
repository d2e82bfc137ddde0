using System.Threading.Channels;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// One LLM round of a turn: streams the model's answer, cut into sentences for TTS as it arrives, and collects its
/// tool calls. Each piece must arrive within the provider timeout. A provider failure is returned, not thrown, so
/// that the sentences already written are still spoken before the fallback. A round may read an answer the model
/// began before the endpoint (<see cref="PreemptiveAnswer"/>) instead of asking it again.
/// </summary>
internal sealed class LanguageModelAnswer(AgentCall call, ConversationHistory history, IReadOnlyList<ToolDefinition> tools)
{
    /// <summary>The request a turn answering <paramref name="callerWords"/> would make now (the history is not changed).</summary>
    public LanguageModelRequest RequestAnswering(string callerWords) =>
        new(history.ForRequestWith(new ChatMessage(ChatRole.User, callerWords)), tools, call.Language);

    public async Task<ProviderException?> WriteAsync(AgentTurn turn, ChannelWriter<string> sentences, List<ToolCall> calls, PreemptiveAnswer? preemptive = null)
    {
        var started = call.Time.GetTimestamp();
        var chunker = new SentenceChunker();
        using var stage = new StageTimeout(call.Time, call.Options.ProviderTimeout, "llm", turn.Token);
        // A barge-in or a timeout stops an adopted answer's request as it would stop the turn's own.
        using var stopPreemptive = preemptive is null ? default : stage.Token.Register(preemptive.Cancel);
        try
        {
            var updates = preemptive?.ReadAsync(stage.Token)
                ?? call.Deps.LanguageModel.StreamAsync(new LanguageModelRequest(history.ForRequest(), tools, call.Language), stage.Token);
            var stream = updates.GetAsyncEnumerator(stage.Token);
            try
            {
                while (await stage.GuardAsync(stream.MoveNextAsync()).ConfigureAwait(false))
                {
                    stage.Restart();
                    var update = stream.Current;
                    if (update.Usage is { } usage)
                    {
                        turn.AddUsage(usage); // the provider's token count, last in the stream: not a token
                        continue;
                    }
                    turn.LlmTimeToFirstToken ??= call.Time.GetElapsedTime(started);
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
