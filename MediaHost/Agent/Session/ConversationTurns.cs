using System.Threading.Channels;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// What the agent does in a turn: answer the caller (recognition, then the model's answer spoken as it streams, with
/// up to <see cref="MaxToolRounds"/> rounds of tools), resume after a false interruption, transfer, say goodbye. Each is
/// a turn body that the <see cref="TurnRunner"/> runs; a provider failure becomes the spoken fallback.
/// </summary>
internal sealed class ConversationTurns(AgentCall call, ConversationHistory history, LanguageModelAnswer answer, AgentSpeaker speaker, AgentPlayback playback,
    PreemptiveGeneration preemption)
{
    private const int MaxToolRounds = 3;
    private const int SentenceQueue = 64; // an answer's sentences between the model and TTS (waits when full)
    private readonly BackchannelRule _backchannels = new(call.Options.BargeIn);
    private ResumeState? _resume;

    private sealed record ResumeState(IReadOnlyList<string> Unheard, bool CanRegenerate);

    /// <summary>A turn was cut by a barge-in: remember what the caller did not hear, in case the interruption was false.</summary>
    public void Interrupted(AgentTurn turn) => _resume = new ResumeState(turn.Spoken.UnheardSentences(), turn.CanRegenerate);

    public Task SpeakPhraseAsync(AgentTurn turn, string phrase) => speaker.SpeakPhraseAsync(turn, phrase);

    /// <summary>
    /// The caller spoke: the recognised text, then a false-interruption check, then the answer — the one the LLM began
    /// before the endpoint (<paramref name="preemptive"/>) when it was begun on the same words, else a new one.
    /// </summary>
    public async Task ConverseAsync(AgentTurn turn, AgentEvent.UtteranceEnded utterance, PreemptiveAnswer? preemptive = null)
    {
        try
        {
            if (await HearAsync(turn, utterance).ConfigureAwait(false) is not { } text)
            {
                return;
            }
            PreemptiveAnswer? adopted = null;
            if (preemptive is not null && preemptive.Matches(text))
            {
                (adopted, preemptive) = (preemptive, null);
                turn.Preemptive = PreemptiveOutcome.Used;
                turn.LlmTimeSavedByPreemption = adopted.SavedAt(call.Time.GetTimestamp());
                preemption.Used(turn.LlmTimeSavedByPreemption.Value);
                AgentLog.PreemptiveUsed(call.Deps.Logger, call.CallId, turn.Index, turn.LlmTimeSavedByPreemption.Value.TotalMilliseconds);
            }
            await AnswerTextAsync(turn, text, adopted).ConfigureAwait(false);
        }
        finally
        {
            if (preemptive is not null)
            {
                // Not adopted: its words were not the turn's (or there was nothing to answer). Nothing of it was spoken.
                turn.Preemptive = PreemptiveOutcome.Changed;
                preemption.Discarded(preemptive);
            }
        }
    }

    /// <summary>The turn's words, or null when the turn is handled already (a fallback, a false interruption, a backchannel, nothing heard).</summary>
    private async Task<string?> HearAsync(AgentTurn turn, AgentEvent.UtteranceEnded utterance)
    {
        turn.EndpointTimestamp = utterance.EndpointTimestamp;
        turn.EndOfSpeechTimestamp = utterance.EndpointTimestamp - (long)(utterance.TrailingSilence.TotalSeconds * call.Time.TimestampFrequency);
        string text;
        try
        {
            using var stage = new StageTimeout(call.Time, call.Options.ProviderTimeout, "stt", turn.Token);
            text = await stage.GuardAsync(utterance.Recognition.Text).ConfigureAwait(false);
        }
        catch (ProviderException e)
        {
            await SpeakFallbackAsync(turn, e).ConfigureAwait(false);
            return null;
        }
        finally
        {
            utterance.Recognition.Abandon(); // a timeout or barge-in leaves nothing running
        }
        turn.TranscriptTimestamp = call.Time.GetTimestamp();
        turn.SttLatency = call.Time.GetElapsedTime(turn.EndOfSpeechTimestamp);

        var resume = _resume;
        _resume = null;
        if (utterance.BargedIn && _backchannels.IsBackchannelOrNothing(text))
        {
            turn.FalseInterruption = true;
            turn.UserText = text;
            var resuming = call.Options.BargeIn.ResumeAfterFalseInterruption && resume is not null;
            AgentLog.FalseInterruption(call.Deps.Logger, call.CallId, turn.Index, resuming ? "resuming" : "carrying on");
            if (resuming)
            {
                await ResumeAsync(turn, resume!).ConfigureAwait(false);
            }
            return null;
        }
        if (text.Length == 0)
        {
            await speaker.SpeakPhraseAsync(turn, call.Phrases.NotUnderstood).ConfigureAwait(false);
            return null;
        }
        if (_backchannels.IsBackchannelOrNothing(text) && !history.AgentLastAskedAQuestion())
        {
            // "mm-hm" after a statement is the caller listening, not a turn: nothing to answer. After a question it is a yes.
            turn.UserText = text;
            AgentLog.BackchannelIgnored(call.Deps.Logger, call.CallId, turn.Index);
            return null;
        }
        return text;
    }

    /// <summary>Adds what the caller said (or pressed) to the history and answers it.</summary>
    public async Task AnswerTextAsync(AgentTurn turn, string text, PreemptiveAnswer? preemptive = null)
    {
        turn.UserText = text;
        history.Add(new ChatMessage(ChatRole.User, text));
        await RespondAsync(turn, preemptive).ConfigureAwait(false);
    }

    public async Task TransferAsync(AgentTurn turn, bool announce)
    {
        if (call.Options.TransferTarget.Length == 0)
        {
            AgentLog.Transfer(call.Deps.Logger, call.CallId, "no transfer target configured");
            await speaker.SpeakPhraseAsync(turn, call.Phrases.TransferUnavailable).ConfigureAwait(false);
            return;
        }
        if (announce)
        {
            await speaker.SpeakPhraseAsync(turn, call.Phrases.Transferring).ConfigureAwait(false);
        }
        await playback.WaitUntilPlayedAsync(turn.Token).ConfigureAwait(false);
        var result = await call.Session.TransferAsync(call.Options.TransferTarget, turn.Token).ConfigureAwait(false);
        AgentLog.Transfer(call.Deps.Logger, call.CallId, result.Succeeded ? "accepted" : "failed: " + result.Detail);
        if (result.Succeeded)
        {
            turn.EndsCall = true;
            return;
        }
        await speaker.SpeakPhraseAsync(turn, call.Phrases.TransferUnavailable).ConfigureAwait(false);
    }

    public async Task SayGoodbyeAndHangUpAsync(AgentTurn turn)
    {
        await speaker.SpeakPhraseAsync(turn, call.Phrases.Goodbye).ConfigureAwait(false);
        await HangUpAsync(turn).ConfigureAwait(false);
    }

    /// <summary>The call's time is up: the phrase, then the hang-up — also when the caller talks over the phrase.</summary>
    public async Task SayTimeUpAndHangUpAsync(AgentTurn turn)
    {
        try
        {
            await speaker.SpeakPhraseAsync(turn, call.Phrases.TimeUp).ConfigureAwait(false);
            await playback.WaitUntilPlayedAsync(turn.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (turn.Interrupted)
        {
            // Talked over: the limit still holds.
        }
        turn.EndsCall = true;
        await call.Session.HangUpAsync(CallEndReason.MaxDuration, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>LLM rounds: speak the text as it streams, then act on the tool calls. The first round reads
    /// <paramref name="preemptive"/> when given (the model was asked the same thing before the endpoint).</summary>
    private async Task RespondAsync(AgentTurn turn, PreemptiveAnswer? preemptive = null)
    {
        turn.CanRegenerate = true;
        for (var round = 0; round < MaxToolRounds; round++)
        {
            var calls = new List<ToolCall>();
            var spokenBefore = turn.Spoken.SentenceCount;
            var sentences = Channel.CreateBounded<string>(new BoundedChannelOptions(SentenceQueue) { SingleReader = true, SingleWriter = true });
            var writing = answer.WriteAsync(turn, sentences.Writer, calls, round == 0 ? preemptive : null);
            try
            {
                await speaker.SpeakSentencesAsync(turn, sentences.Reader).ConfigureAwait(false);
            }
            finally
            {
                sentences.Writer.TryComplete();
            }
            var failure = await writing.ConfigureAwait(false);
            turn.CanRegenerate = turn.Spoken.SentenceCount == 0;
            if (failure is not null)
            {
                await SpeakFallbackAsync(turn, failure).ConfigureAwait(false);
                return;
            }
            if (calls.Count == 0)
            {
                return;
            }
            turn.ToolCalls.AddRange(calls.Select(c => c.Name));
            if (calls.Any(c => c.Name == BuiltInTools.TransferToHuman))
            {
                await TransferAsync(turn, announce: turn.Spoken.SentenceCount == spokenBefore).ConfigureAwait(false);
                return;
            }
            if (calls.Any(c => c.Name == BuiltInTools.EndCall))
            {
                await HangUpAsync(turn).ConfigureAwait(false);
                return;
            }
            await RunToolsAsync(turn, calls).ConfigureAwait(false);
        }
    }

    /// <summary>Records the round in the history, runs its tools (HTTP, send_dtmf) and adds their answers, for the model to continue.</summary>
    private async Task RunToolsAsync(AgentTurn turn, List<ToolCall> calls)
    {
        var said = turn.Spoken.PlayedText(turn.SentencesRecorded);
        turn.SentencesRecorded = turn.Spoken.SentenceCount;
        history.Add(new ChatMessage(ChatRole.Assistant, said, calls));
        foreach (var toolCall in calls)
        {
            string result;
            if (toolCall.Name == SendDtmfTool.Name)
            {
                await playback.WaitUntilPlayedAsync(turn.Token).ConfigureAwait(false); // keys after the words that announce them
                result = await SendDtmfTool.RunAsync(call.Session, toolCall.ArgumentsJson, turn.Token).ConfigureAwait(false);
            }
            else
            {
                result = call.Deps.HttpTools.Handles(toolCall.Name)
                    ? await call.Deps.HttpTools.InvokeAsync(toolCall, turn.Token).ConfigureAwait(false)
                    : $$"""{"error":"unknown tool {{toolCall.Name}}"}""";
            }
            history.Add(new ChatMessage(ChatRole.Tool, result, ToolCallId: toolCall.Id));
        }
    }

    /// <summary>After a false interruption: say again what the caller did not hear, or ask the model again if it had not answered yet.</summary>
    private async Task ResumeAsync(AgentTurn turn, ResumeState resume)
    {
        if (resume.Unheard.Count > 0)
        {
            var sentences = Channel.CreateBounded<string>(Math.Max(1, resume.Unheard.Count));
            foreach (var sentence in resume.Unheard)
            {
                sentences.Writer.TryWrite(sentence);
            }
            sentences.Writer.TryComplete();
            await speaker.SpeakSentencesAsync(turn, sentences.Reader).ConfigureAwait(false);
        }
        else if (resume.CanRegenerate)
        {
            await RespondAsync(turn).ConfigureAwait(false);
        }
    }

    /// <summary>A provider failed: say so (from the pre-rendered phrase if TTS itself is down), then transfer if configured.</summary>
    private async Task SpeakFallbackAsync(AgentTurn turn, ProviderException failure)
    {
        turn.Failure = failure;
        AgentLog.ProviderFailed(call.Deps.Logger, call.CallId, turn.Index, failure is ProviderTimeoutException ? "timeout" : failure.Provider, failure.Message);
        await speaker.SpeakPhraseAsync(turn, call.Phrases.Fallback).ConfigureAwait(false);
        if (call.Options.TransferOnProviderFailure && call.Options.TransferTarget.Length > 0)
        {
            await TransferAsync(turn, announce: true).ConfigureAwait(false);
        }
    }

    private async Task HangUpAsync(AgentTurn turn)
    {
        await playback.WaitUntilPlayedAsync(turn.Token).ConfigureAwait(false);
        turn.EndsCall = true;
        await call.Session.HangUpAsync(CallEndReason.AgentHangUp, turn.Token).ConfigureAwait(false);
    }
}
