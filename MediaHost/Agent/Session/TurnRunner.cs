using System.Threading.Channels;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The turn runner: handles the listener's and the keypad's events one at a time, in order, and runs at most one
/// <see cref="AgentTurn"/> (greeting, answer, re-prompt...) at a time, each on its own task with its own cancellation.
/// The listener reads <see cref="Current"/> and calls <see cref="BargeIn"/> from its own thread.
/// </summary>
internal sealed class TurnRunner(AgentCall call, ConversationTurns conversation, AgentPlayback playback, TurnRecorder recorder, PreemptiveGeneration preemption)
{
    private readonly TaskCompletionSource<string> _agentEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DtmfCollector _keys = new(call.Options.Dtmf);
    private ITimer? _keyPause;
    private ChannelWriter<AgentEvent>? _self;
    private AgentTurn? _current;
    private int _turnCounter;
    private CancellationToken _life;

    /// <summary>The running turn, if any.</summary>
    public AgentTurn? Current => Volatile.Read(ref _current);

    /// <summary>
    /// Greets the caller, then handles <paramref name="events"/> until the call ends or a turn ends it (hang-up,
    /// transfer). Returns why it stopped. The running turn is left to the caller to await (see <see cref="Current"/>).
    /// </summary>
    public async Task<string> RunAsync(ChannelReader<AgentEvent> events, ChannelWriter<AgentEvent> self, CancellationToken life)
    {
        _life = life;
        _self = self;
        using var stopKeyTimer = life.Register(() => _keyPause?.Dispose());
        StartTurn("greeting", turn => conversation.SpeakPhraseAsync(turn, call.Phrases.Greeting));
        while (true)
        {
            var next = events.WaitToReadAsync(life).AsTask();
            if (await Task.WhenAny(next, _agentEnded.Task).ConfigureAwait(false) == _agentEnded.Task)
            {
                return await _agentEnded.Task.ConfigureAwait(false);
            }
            if (!await next.ConfigureAwait(false))
            {
                return "call ended";
            }
            while (events.TryRead(out var e))
            {
                if (e is AgentEvent.CallEnded)
                {
                    return "call ended";
                }
                await HandleAsync(e).ConfigureAwait(false);
                if (_agentEnded.Task.IsCompleted)
                {
                    return await _agentEnded.Task.ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Barge-in: silence the agent at once, then cancel its LLM and TTS work.</summary>
    public void BargeIn(AgentTurn turn)
    {
        if (!turn.Interrupt())
        {
            return;
        }
        try
        {
            // Cancelled before the queue is cleared: the output stage checks the token around each write, so nothing
            // of this turn is queued after the clear. Cleared first, a writer waiting for room refilled the queue
            // (up to 500 ms of audio) before the cancellation came. CancelAsync: provider clean-up (killing a TTS
            // process) must not hold up the listener; the token itself is cancelled before it returns.
            _ = turn.Cancellation.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The turn finished on another thread in the meantime: nothing left to cancel.
        }
        var dropped = playback.Clear(turn);
        AgentLog.BargeIn(call.Deps.Logger, call.CallId, turn.Index, dropped);
    }

    /// <summary>Waits for the running turn to end by itself (it was interrupted or is finishing).</summary>
    public async Task FinishCurrentTurnAsync()
    {
        if (Current is { } turn)
        {
            await turn.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task HandleAsync(AgentEvent e)
    {
        switch (e)
        {
            case AgentEvent.CallerPaused paused when Current is null:
                preemption.CallerPaused(paused.Words); // the agent is idle: its answer may start before the endpoint
                break;

            case AgentEvent.CallerResumed:
                preemption.CallerResumed();
                break;

            case AgentEvent.UtteranceEnded utterance:
                if (Current is not null && !utterance.BargedIn)
                {
                    utterance.Recognition.Abandon(); // a backchannel while the agent talks: the agent carries on
                    preemption.Abandon();
                    return;
                }
                utterance.Recognition.Complete(); // the endpoint: recognition finishes while the interrupted turn winds down
                await FinishCurrentTurnAsync().ConfigureAwait(false);
                var preemptive = preemption.Take();
                StartTurn("speech", turn => conversation.ConverseAsync(turn, utterance, preemptive));
                break;

            case AgentEvent.DtmfPressed dtmf:
                if (Current is { } running)
                {
                    BargeIn(running); // a key stops the agent as speech would
                }
                await FinishCurrentTurnAsync().ConfigureAwait(false);
                var isOperator = !_keys.Collecting && call.Options.OperatorDigit.Length == 1 && dtmf.Digit == call.Options.OperatorDigit[0];
                if (isOperator)
                {
                    StartTurn("dtmf", turn => conversation.TransferAsync(turn, announce: true));
                }
                else if (_keys.Add(dtmf.Digit) is { } sequence)
                {
                    AnswerKeys(sequence);
                }
                else
                {
                    WaitForNextKey();
                }
                break;

            case AgentEvent.DtmfPause pause when _keys.TimedOut(pause.Generation) is { } collected:
                AnswerKeys(collected);
                break;

            case AgentEvent.TimeUp:
                if (Current is { } cut)
                {
                    BargeIn(cut); // the limit is the limit: the agent stops mid-sentence
                }
                await FinishCurrentTurnAsync().ConfigureAwait(false);
                StartTurn("time-up", conversation.SayTimeUpAndHangUpAsync);
                break;

            case AgentEvent.CallerSilent silent when Current is null:
                StartTurn(silent.HangUp ? "hangup" : "reprompt", turn => silent.HangUp
                    ? conversation.SayGoodbyeAndHangUpAsync(turn)
                    : conversation.SpeakPhraseAsync(turn, call.Phrases.Reprompt));
                break;
        }
    }

    /// <summary>One turn for the whole sequence (an empty one is a lone terminator key).</summary>
    private void AnswerKeys(string sequence)
    {
        _keyPause?.Dispose();
        StartTurn("dtmf", turn => conversation.AnswerTextAsync(turn, sequence.Length > 0 ? $"DTMF {sequence}" : $"DTMF {call.Options.Dtmf.Terminator}"));
    }

    /// <summary>(Re)starts the inter-digit timer; when it fires, the pause event comes back through the event queue.</summary>
    private void WaitForNextKey()
    {
        _keyPause?.Dispose();
        var generation = _keys.Generation;
        var self = _self!;
        var life = _life;
        _keyPause = call.Time.CreateTimer(_ => _ = PostPauseAsync(self, generation, life), null, _keys.InterDigitTimeout, Timeout.InfiniteTimeSpan);
    }

    private static async Task PostPauseAsync(ChannelWriter<AgentEvent> self, int generation, CancellationToken life)
    {
        try
        {
            await self.WriteAsync(new AgentEvent.DtmfPause(generation), life).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The call is over.
        }
    }

    private void StartTurn(string trigger, Func<AgentTurn, Task> body)
    {
        preemption.Abandon(); // an answer begun on the caller's words is for their turn only (a "speech" turn has taken it)
        var turn = new AgentTurn(++_turnCounter, trigger, CancellationTokenSource.CreateLinkedTokenSource(_life), call.Time.GetUtcNow());
        Volatile.Write(ref _current, turn);
        turn.Completion = Task.Run(() => RunTurnAsync(turn, body), CancellationToken.None);
    }

    private async Task RunTurnAsync(AgentTurn turn, Func<AgentTurn, Task> body)
    {
        try
        {
            await body(turn).ConfigureAwait(false);
            // The turn lasts until its audio has played: until then the caller can still barge in and cut it.
            await playback.WaitUntilPlayedAsync(turn.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (turn.Token.IsCancellationRequested)
        {
            // Barge-in or end of call: not a failure.
        }
        catch (Exception e)
        {
            AgentLog.TurnCrashed(call.Deps.Logger, e, call.CallId, turn.Index);
        }
        finally
        {
            if (turn.Interrupted)
            {
                // A frame may have slipped into the call's queue after the barge-in cleared it.
                playback.Clear(turn);
                conversation.Interrupted(turn);
            }
            await recorder.RecordAsync(turn).ConfigureAwait(false);
            Interlocked.CompareExchange(ref _current, null, turn);
            if (turn.EndsCall)
            {
                _agentEnded.TrySetResult("agent ended the call");
            }
            // Disposing unlinks the turn's token source from the call's lifetime token (no growth over a long call).
            turn.Dispose();
        }
    }
}
