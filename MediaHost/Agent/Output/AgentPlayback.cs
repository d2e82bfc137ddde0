namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The output stage's last step: hands agent frames to the call, notes them for the turn's transcript and the
/// <see cref="PlaybackTracker"/>, drops the queue at a barge-in, and waits until what was written has played.
/// </summary>
internal sealed class AgentPlayback(AgentCall call, PlaybackTracker tracker)
{
    /// <summary>The level above which a frame is heard (the bench's wire analysis uses the same -40 dBFS).</summary>
    private const double AudibleDbfs = -40.0;

    public async ValueTask WriteAsync(AgentTurn turn, short[] samples, int sentence)
    {
        turn.Token.ThrowIfCancellationRequested();
        await call.Session.WriteFrameAsync(samples, turn.Token).ConfigureAwait(false);
        if (turn.FirstFrameTimestamp == 0)
        {
            turn.FirstFrameTimestamp = call.Time.GetTimestamp();
        }
        if (turn.FirstVoicedFrameTimestamp == 0 && EnergyVoiceActivityDetector.LevelDbfs(samples) > AudibleDbfs)
        {
            turn.FirstVoicedFrameTimestamp = call.Time.GetTimestamp();
        }
        turn.Spoken.FrameWritten(sentence);
        tracker.Queued(samples);
        if (turn.Token.IsCancellationRequested)
        {
            // The barge-in cleared the queue while this frame was on its way in: it must not play after the clear.
            Clear(turn);
            turn.Token.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Drops every queued frame of the call (barge-in); returns how many were dropped.</summary>
    public int Clear(AgentTurn turn)
    {
        var dropped = call.Session.ClearPlayback();
        tracker.Cleared();
        turn.Spoken.Dropped(dropped);
        return dropped;
    }

    /// <summary>Completes once every agent frame handed to the call has played (or was dropped), or the call ended.</summary>
    public async Task WaitUntilPlayedAsync(CancellationToken cancellationToken) =>
        await Task.WhenAny(tracker.WhenDrained(), call.Session.Ended).WaitAsync(cancellationToken).ConfigureAwait(false);
}
