namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Notices, frame by frame, when the caller pauses inside a turn long enough for the LLM to start on their words
/// (<see cref="PreemptiveGenerationOptions.AfterSilenceMs"/>), when newer words arrive during the pause, and when
/// the caller speaks again after such a pause. Media time only: the same audio gives the same events.
/// </summary>
internal sealed class PauseWatch(PreemptiveGenerationOptions options)
{
    private string? _posted;

    /// <summary>One frame: <paramref name="partialTranscript"/> is the turn's words so far (null when no caller turn is open).</summary>
    public AgentEvent? OnFrame(bool inTurn, bool isSpeech, TimeSpan trailingSilence, string? partialTranscript)
    {
        if (!options.Enabled || !inTurn)
        {
            _posted = null;
            return null;
        }
        if (isSpeech)
        {
            if (_posted is null)
            {
                return null;
            }
            _posted = null;
            return new AgentEvent.CallerResumed();
        }
        var words = partialTranscript?.Trim();
        if (trailingSilence.TotalMilliseconds < options.AfterSilenceMs || string.IsNullOrEmpty(words) || words == _posted)
        {
            return null;
        }
        _posted = words;
        return new AgentEvent.CallerPaused(words);
    }
}
