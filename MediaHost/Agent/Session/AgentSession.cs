using System.Threading.Channels;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The agent on one answered call. Three loops: the input loop reads caller frames at the media clock's pace
/// (VAD, endpointing, barge-in, silence), the DTMF loop forwards digits, and the control loop here handles their
/// events one at a time and runs at most one <see cref="AgentTurn"/> (greeting, answer, re-prompt...) at a time.
/// A provider failure becomes a spoken fallback; nothing a provider does ends the call or leaves dead air.
/// </summary>
public sealed partial class AgentSession
{
    private readonly ICallSession _call;
    private readonly AiLoopOptions _options;
    private readonly AgentDependencies _deps;
    private readonly string _language;
    private readonly AgentPhrases _phrases;
    private readonly ConversationHistory _history;
    private readonly IReadOnlyList<ToolDefinition> _tools;
    private readonly EchoGuard _echo;
    // Control events never drop: unbounded, and there are only a few per second at most.
    private readonly Channel<AgentEvent> _events = Channel.CreateUnbounded<AgentEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _drainGate = new();
    private AgentTurn? _currentTurn;
    private TaskCompletionSource? _drainWaiter;
    private int _outstandingFrames;
    private int _turnCounter;
    private ResumeState? _resume;
    private CancellationToken _life;

    private sealed record ResumeState(IReadOnlyList<string> Unheard, bool CanRegenerate);

    public AgentSession(ICallSession call, AiLoopOptions options, AgentDependencies dependencies)
    {
        _call = call;
        _options = options;
        _deps = dependencies;
        _language = options.Language;
        _phrases = AgentPhrases.For(_language, options.Phrases, options.SystemPrompt);
        _history = new ConversationHistory(_phrases.SystemPrompt, options.MaxHistoryMessages);
        _tools = AgentToolset.Definitions(dependencies.HttpTools);
        _echo = new EchoGuard(options.BargeIn.EchoMarginDb);
    }

    /// <summary>The conversation so far (what the caller said and what they heard).</summary>
    public IReadOnlyList<ChatMessage> Transcript => _history.Messages;

    /// <summary>Runs the conversation until the call ends, the agent hangs up or transfers, or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var life = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _life = life.Token;
        AgentLog.Started(_deps.Logger, _call.Call.CallId, _language);
        // Render the fallback phrase now, so it can be played even if TTS fails later.
        _ = _deps.Phrases.GetAsync(_phrases.Fallback, _language, _life).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);

        var input = Task.Run(() => InputLoopAsync(_life), CancellationToken.None);
        var dtmf = Task.Run(() => DtmfLoopAsync(_life), CancellationToken.None);
        _ = input.ContinueWith(_ => _events.Writer.TryWrite(new AgentEvent.CallEnded()), TaskScheduler.Default);
        _ = _call.Ended.ContinueWith(_ => _events.Writer.TryWrite(new AgentEvent.CallEnded()), TaskScheduler.Default);

        StartTurn("greeting", turn => SpeakPhraseAsync(turn, _phrases.Greeting));
        var reason = "call ended";
        try
        {
            await foreach (var e in _events.Reader.ReadAllAsync(_life).ConfigureAwait(false))
            {
                if (e is AgentEvent.CallEnded)
                {
                    break;
                }
                if (e is AgentEvent.TurnFinished { Turn.EndsCall: true })
                {
                    reason = "agent ended the call";
                    break;
                }
                await HandleAsync(e).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = "shutdown";
        }
        finally
        {
            await life.CancelAsync().ConfigureAwait(false);
            if (_currentTurn is { } turn)
            {
                await turn.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            await input.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await dtmf.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            AgentLog.Ended(_deps.Logger, _call.Call.CallId, reason);
        }
    }

    private async Task HandleAsync(AgentEvent e)
    {
        switch (e)
        {
            case AgentEvent.UtteranceEnded utterance:
                if (_currentTurn is not null && !utterance.BargedIn)
                {
                    return; // shorter than the barge-in window while the agent talks: a backchannel, the agent carries on
                }
                await FinishCurrentTurnAsync().ConfigureAwait(false);
                StartTurn("speech", turn => ConverseAsync(turn, utterance));
                break;

            case AgentEvent.DtmfPressed dtmf:
                await InterruptCurrentTurnAsync().ConfigureAwait(false);
                if (_options.OperatorDigit.Length == 1 && dtmf.Digit == _options.OperatorDigit[0])
                {
                    StartTurn("dtmf", turn => TransferAsync(turn, announce: true));
                }
                else
                {
                    StartTurn("dtmf", turn => AnswerTextAsync(turn, $"DTMF {dtmf.Digit}"));
                }
                break;

            case AgentEvent.CallerSilent silent when _currentTurn is null:
                StartTurn(silent.HangUp ? "hangup" : "reprompt", turn => silent.HangUp ? SayGoodbyeAndHangUpAsync(turn) : SpeakPhraseAsync(turn, _phrases.Reprompt));
                break;
        }
    }

    private void StartTurn(string trigger, Func<AgentTurn, Task> body)
    {
        var turn = new AgentTurn(++_turnCounter, trigger, CancellationTokenSource.CreateLinkedTokenSource(_life), _deps.Time.GetUtcNow());
        Volatile.Write(ref _currentTurn, turn);
        turn.Completion = Task.Run(() => RunTurnAsync(turn, body), CancellationToken.None);
    }

    private async Task RunTurnAsync(AgentTurn turn, Func<AgentTurn, Task> body)
    {
        try
        {
            await body(turn).ConfigureAwait(false);
            // The turn lasts until its audio has played: until then the caller can still barge in and cut it.
            await WaitForPlaybackAsync(turn.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (turn.Token.IsCancellationRequested)
        {
            // Barge-in or end of call: not a failure.
        }
        catch (Exception e)
        {
            AgentLog.TurnCrashed(_deps.Logger, e, _call.Call.CallId, turn.Index);
        }
        finally
        {
            if (turn.Interrupted)
            {
                // A frame may have slipped into the call's queue after the barge-in cleared it.
                ClearPlayback(turn);
                _resume = new ResumeState(turn.Spoken.UnheardSentences(), turn.CanRegenerate);
            }
            await FinishRecordAsync(turn).ConfigureAwait(false);
            Interlocked.CompareExchange(ref _currentTurn, null, turn);
            _events.Writer.TryWrite(new AgentEvent.TurnFinished(turn));
            // Disposing unlinks the turn's token source from the call's lifetime token (no growth over a long call).
            turn.Dispose();
        }
    }

    /// <summary>Waits for the current turn to end by itself (it was interrupted or is finishing).</summary>
    private async Task FinishCurrentTurnAsync()
    {
        if (Volatile.Read(ref _currentTurn) is { } turn)
        {
            await turn.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Stops the current turn now (DTMF), as a barge-in would.</summary>
    private async Task InterruptCurrentTurnAsync()
    {
        if (Volatile.Read(ref _currentTurn) is { } turn)
        {
            BargeIn(turn);
        }
        await FinishCurrentTurnAsync().ConfigureAwait(false);
    }

    /// <summary>Barge-in: silence the agent at once, then cancel its LLM and TTS work.</summary>
    private void BargeIn(AgentTurn turn)
    {
        if (!turn.Interrupt())
        {
            return;
        }
        var dropped = ClearPlayback(turn);
        AgentLog.BargeIn(_deps.Logger, _call.Call.CallId, turn.Index, dropped);
        // CancelAsync: provider clean-up (killing a TTS process) must not hold up the input loop.
        try
        {
            _ = turn.Cancellation.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The turn finished on another thread in the meantime: nothing left to cancel.
        }
    }

    private int ClearPlayback(AgentTurn turn)
    {
        var dropped = _call.ClearPlayback();
        _echo.PlaybackCleared();
        turn.Spoken.Dropped(dropped);
        Volatile.Write(ref _outstandingFrames, 0);
        SignalDrainedIfIdle();
        return dropped;
    }

    private async Task FinishRecordAsync(AgentTurn turn)
    {
        var heard = turn.Spoken.PlayedText(turn.SentencesRecorded);
        if (heard.Length > 0)
        {
            _history.Add(new ChatMessage(ChatRole.Assistant, heard));
        }
        var time = _deps.Time;
        TimeSpan? Since(long from) => from != 0 && turn.FirstFrameTimestamp != 0 ? time.GetElapsedTime(from, turn.FirstFrameTimestamp) : null;
        var record = new TurnRecord
        {
            CallId = _call.Call.CallId,
            TurnIndex = turn.Index,
            Trigger = turn.Trigger,
            StartedAt = turn.StartedAt,
            UserText = turn.UserText,
            AgentText = turn.Spoken.PlayedText(),
            Interrupted = turn.Interrupted,
            FalseInterruption = turn.FalseInterruption,
            ToolCalls = turn.ToolCalls,
            Error = turn.Failure is { } f ? $"{f.GetType().Name}: {f.Message}" : null,
            InputTokens = turn.Usage?.InputTokens,
            OutputTokens = turn.Usage?.OutputTokens,
            SttLatency = turn.SttLatency,
            LlmTimeToFirstToken = turn.LlmTimeToFirstToken,
            TtsTimeToFirstAudio = turn.TtsTimeToFirstAudio,
            VoiceToVoice = Since(turn.EndOfSpeechTimestamp),
            EndpointToFirstFrame = Since(turn.EndpointTimestamp),
        };
        _deps.Metrics.Record(record);
        AgentLog.TurnDone(_deps.Logger, record.CallId, record.TurnIndex, record.Trigger, record.VoiceToVoice?.TotalMilliseconds, record.Interrupted);
        try
        {
            await _deps.TurnReporter.ReportAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            AgentLog.ReportFailed(_deps.Logger, e, record.CallId);
        }
    }

    private async Task DtmfLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var digit in _call.DtmfDigits(cancellationToken).ConfigureAwait(false))
        {
            _events.Writer.TryWrite(new AgentEvent.DtmfPressed(digit.Digit));
        }
    }

    private async Task SayGoodbyeAndHangUpAsync(AgentTurn turn)
    {
        await SpeakPhraseAsync(turn, _phrases.Goodbye).ConfigureAwait(false);
        await HangUpAsync(turn).ConfigureAwait(false);
    }

    private async Task HangUpAsync(AgentTurn turn)
    {
        await WaitForPlaybackAsync(turn.Token).ConfigureAwait(false);
        turn.EndsCall = true;
        await _call.HangUpAsync(CallEndReason.AgentHangUp, turn.Token).ConfigureAwait(false);
    }
}
