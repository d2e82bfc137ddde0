using System.Threading.Channels;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

public sealed partial class AgentSession
{
    private const int MaxToolRounds = 3;

    /// <summary>The caller spoke: STT, then a false-interruption check, then the answer.</summary>
    private async Task ConverseAsync(AgentTurn turn, AgentEvent.UtteranceEnded utterance)
    {
        turn.EndpointTimestamp = utterance.EndpointTimestamp;
        turn.EndOfSpeechTimestamp = utterance.EndpointTimestamp - (long)(utterance.TrailingSilence.TotalSeconds * _deps.Time.TimestampFrequency);
        string text;
        try
        {
            text = await TranscribeAsync(turn, utterance.Audio).ConfigureAwait(false);
        }
        catch (ProviderException e)
        {
            await SpeakFallbackAsync(turn, e).ConfigureAwait(false);
            return;
        }
        turn.SttLatency = _deps.Time.GetElapsedTime(turn.EndOfSpeechTimestamp);

        var resume = _resume;
        _resume = null;
        if (utterance.BargedIn && IsBackchannelOrNothing(text))
        {
            turn.FalseInterruption = true;
            turn.UserText = text;
            var action = _options.BargeIn.ResumeAfterFalseInterruption && resume is not null ? "resuming" : "carrying on";
            AgentLog.FalseInterruption(_deps.Logger, _call.Call.CallId, turn.Index, action);
            if (action == "resuming")
            {
                await ResumeAsync(turn, resume!).ConfigureAwait(false);
            }
            return;
        }
        if (text.Length == 0)
        {
            await SpeakPhraseAsync(turn, _phrases.NotUnderstood).ConfigureAwait(false);
            return;
        }
        await AnswerTextAsync(turn, text).ConfigureAwait(false);
    }

    /// <summary>Adds what the caller said to the history and answers it.</summary>
    private async Task AnswerTextAsync(AgentTurn turn, string text)
    {
        turn.UserText = text;
        _history.Add(new ChatMessage(ChatRole.User, text));
        await RespondAsync(turn).ConfigureAwait(false);
    }

    /// <summary>LLM rounds: speak the text as it streams, then act on tool calls (up to <see cref="MaxToolRounds"/> rounds of HTTP tools).</summary>
    private async Task RespondAsync(AgentTurn turn)
    {
        turn.CanRegenerate = true;
        for (var round = 0; round < MaxToolRounds; round++)
        {
            var calls = new List<ToolCall>();
            var spokenBefore = turn.Spoken.SentenceCount;
            var sentences = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var writing = WriteAnswerAsync(turn, sentences.Writer, calls);
            try
            {
                await SpeakSentencesAsync(turn, sentences.Reader).ConfigureAwait(false);
            }
            finally
            {
                sentences.Writer.TryComplete();
            }
            var generated = await writing.ConfigureAwait(false);
            turn.CanRegenerate = turn.Spoken.SentenceCount == 0;
            if (generated.Failure is { } failure)
            {
                await SpeakFallbackAsync(turn, failure).ConfigureAwait(false);
                return;
            }
            if (calls.Count == 0)
            {
                return;
            }
            turn.ToolCalls.AddRange(calls.Select(c => c.Name));
            if (calls.FirstOrDefault(c => c.Name == BuiltInTools.TransferToHuman) is not null)
            {
                await TransferAsync(turn, announce: turn.Spoken.SentenceCount == spokenBefore).ConfigureAwait(false);
                return;
            }
            if (calls.FirstOrDefault(c => c.Name == BuiltInTools.EndCall) is not null)
            {
                await HangUpAsync(turn).ConfigureAwait(false);
                return;
            }
            // HTTP tools: record the round, run them, and let the model continue with their answers.
            var said = turn.Spoken.PlayedText(turn.SentencesRecorded);
            turn.SentencesRecorded = turn.Spoken.SentenceCount;
            _history.Add(new ChatMessage(ChatRole.Assistant, said, calls));
            foreach (var call in calls)
            {
                var result = _deps.HttpTools.Handles(call.Name)
                    ? await _deps.HttpTools.InvokeAsync(call, turn.Token).ConfigureAwait(false)
                    : $$"""{"error":"unknown tool {{call.Name}}"}""";
                _history.Add(new ChatMessage(ChatRole.Tool, result, ToolCallId: call.Id));
            }
        }
    }

    private sealed record GenerationResult(ProviderException? Failure);

    /// <summary>Streams the model's answer into sentences (for TTS) and tool calls. A failure is returned, not thrown,
    /// so that sentences already written are still spoken before the fallback.</summary>
    private async Task<GenerationResult> WriteAnswerAsync(AgentTurn turn, ChannelWriter<string> sentences, List<ToolCall> calls)
    {
        var started = _deps.Time.GetTimestamp();
        var chunker = new SentenceChunker();
        using var stage = new StageTimeout(_deps.Time, _options.ProviderTimeout, "llm", turn.Token);
        var request = new LanguageModelRequest(_history.ForRequest(), _tools, _language);
        try
        {
            var stream = _deps.LanguageModel.StreamAsync(request, stage.Token).GetAsyncEnumerator(stage.Token);
            try
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await stream.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (stage.Fired)
                    {
                        throw stage.Translate();
                    }
                    if (!more)
                    {
                        break;
                    }
                    stage.Restart();
                    var update = stream.Current;
                    if (update.Usage is { } usage)
                    {
                        turn.AddUsage(usage);
                        continue;
                    }
                    turn.LlmTimeToFirstToken ??= _deps.Time.GetElapsedTime(started);
                    if (update.ToolCall is { } call)
                    {
                        calls.Add(call);
                    }
                    else if (update.Text is { } text)
                    {
                        chunker.Append(text);
                        while (chunker.TryTakeSentence(out var sentence))
                        {
                            turn.Spoken.Generated(sentence);
                            sentences.TryWrite(sentence);
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
                turn.Spoken.Generated(rest);
                sentences.TryWrite(rest);
            }
            return new GenerationResult(null);
        }
        catch (ProviderException e)
        {
            return new GenerationResult(e);
        }
        finally
        {
            sentences.TryComplete();
        }
    }

    private async Task<string> TranscribeAsync(AgentTurn turn, short[] audio)
    {
        using var stage = new StageTimeout(_deps.Time, _options.ProviderTimeout, "stt", turn.Token);
        try
        {
            return (await _deps.SpeechToText.TranscribeAsync(audio, _language, null, stage.Token).ConfigureAwait(false)).Trim();
        }
        catch (OperationCanceledException) when (stage.Fired)
        {
            throw stage.Translate();
        }
    }

    /// <summary>After a false interruption: say again what the caller did not hear, or ask the model again if it had not answered yet.</summary>
    private async Task ResumeAsync(AgentTurn turn, ResumeState resume)
    {
        if (resume.Unheard.Count > 0)
        {
            var sentences = Channel.CreateUnbounded<string>();
            foreach (var s in resume.Unheard)
            {
                sentences.Writer.TryWrite(s);
            }
            sentences.Writer.TryComplete();
            await SpeakSentencesAsync(turn, sentences.Reader).ConfigureAwait(false);
        }
        else if (resume.CanRegenerate)
        {
            await RespondAsync(turn).ConfigureAwait(false);
        }
    }

    private async Task TransferAsync(AgentTurn turn, bool announce)
    {
        if (_options.TransferTarget.Length == 0)
        {
            AgentLog.Transfer(_deps.Logger, _call.Call.CallId, "no transfer target configured");
            await SpeakPhraseAsync(turn, _phrases.TransferUnavailable).ConfigureAwait(false);
            return;
        }
        if (announce)
        {
            await SpeakPhraseAsync(turn, _phrases.Transferring).ConfigureAwait(false);
        }
        await WaitForPlaybackAsync(turn.Token).ConfigureAwait(false);
        var result = await _call.TransferAsync(_options.TransferTarget, turn.Token).ConfigureAwait(false);
        AgentLog.Transfer(_deps.Logger, _call.Call.CallId, result.Succeeded ? "accepted" : "failed: " + result.Detail);
        if (result.Succeeded)
        {
            turn.EndsCall = true;
            return;
        }
        await SpeakPhraseAsync(turn, _phrases.TransferUnavailable).ConfigureAwait(false);
    }

    /// <summary>A provider failed: say so (from the pre-rendered phrase if TTS itself is down), then transfer if configured.</summary>
    private async Task SpeakFallbackAsync(AgentTurn turn, ProviderException failure)
    {
        turn.Failure = failure;
        AgentLog.ProviderFailed(_deps.Logger, _call.Call.CallId, turn.Index, failure is ProviderTimeoutException ? "timeout" : failure.Provider, failure.Message);
        await SpeakPhraseAsync(turn, _phrases.Fallback).ConfigureAwait(false);
        if (_options.TransferOnProviderFailure && _options.TransferTarget.Length > 0)
        {
            await TransferAsync(turn, announce: true).ConfigureAwait(false);
        }
    }

    private bool IsBackchannelOrNothing(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', '…'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return true;
        }
        var normalized = string.Join(' ', words);
        return _options.BargeIn.Backchannels.Any(b => string.Equals(b, normalized, StringComparison.OrdinalIgnoreCase))
            || words.All(w => _options.BargeIn.Backchannels.Contains(w, StringComparer.OrdinalIgnoreCase));
    }
}
