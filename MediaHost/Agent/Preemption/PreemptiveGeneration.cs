namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The turn runner's side of preemptive generation: at most one <see cref="PreemptiveAnswer"/> at a time, started when
/// the caller pauses while the agent is idle, replaced when newer words come, cancelled when the caller goes on or
/// another turn starts, and handed to the turn at the endpoint (which uses it only if the final words match).
/// Each answer's outcome is counted once. Used from the turn runner's loop only (one thread at a time).
/// </summary>
internal sealed class PreemptiveGeneration(AgentCall call, LanguageModelAnswer answer, CancellationToken callLifetime)
{
    private PreemptiveAnswer? _pending;

    /// <summary>The caller paused on <paramref name="words"/>: ask the model now (the previous answer, if any, is dropped).</summary>
    public void CallerPaused(string words)
    {
        if (!call.Options.Preemptive.Enabled || _pending?.Words == words)
        {
            return;
        }
        Drop(PreemptiveOutcome.Changed);
        _pending = PreemptiveAnswer.Start(call.Deps.LanguageModel, answer.RequestAnswering(words), words, call.Time, callLifetime);
        AgentLog.PreemptiveStarted(call.Deps.Logger, call.CallId, words.Length);
    }

    /// <summary>The caller went on speaking: what the model was asked is not the turn.</summary>
    public void CallerResumed() => Drop(PreemptiveOutcome.Resumed);

    /// <summary>Another turn (keys, a re-prompt, the time limit) or the end of the call came first.</summary>
    public void Abandon() => Drop(PreemptiveOutcome.Dropped);

    /// <summary>The endpoint: the pending answer, for the turn to use (<see cref="Used"/>) or drop (<see cref="Discarded"/>).</summary>
    public PreemptiveAnswer? Take()
    {
        var taken = _pending;
        _pending = null;
        return taken;
    }

    /// <summary>A turn adopted a taken answer.</summary>
    public void Used(TimeSpan saved) => call.Deps.Metrics.PreemptiveAnswer(PreemptiveOutcome.Used, saved);

    /// <summary>A turn did not adopt a taken answer (the final words differ, or there was nothing to answer).</summary>
    public void Discarded(PreemptiveAnswer taken)
    {
        taken.Cancel();
        call.Deps.Metrics.PreemptiveAnswer(PreemptiveOutcome.Changed, null);
    }

    private void Drop(string outcome)
    {
        if (_pending is { } pending)
        {
            pending.Cancel();
            _pending = null;
            call.Deps.Metrics.PreemptiveAnswer(outcome, null);
        }
    }
}
