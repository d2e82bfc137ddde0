namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Carries the caller's audio to recognition: while no turn runs, frames go to the pre-roll; when speech starts a
/// recognition is opened with the pre-roll, and each frame of the turn is pushed to it until the endpoint.
/// </summary>
internal sealed class UtteranceCapture(Func<UtteranceRecognition> open, PreRollBuffer preRoll)
{
    /// <summary>The recognition of the caller's current turn; null between turns.</summary>
    public UtteranceRecognition? Current { get; private set; }

    public bool InTurn => Current is not null;

    /// <summary>Takes one frame; true when a caller turn began on it.</summary>
    public bool OnFrame(ReadOnlySpan<short> frame, EndpointEvent endpoint)
    {
        var started = false;
        if (Current is null && endpoint is EndpointEvent.SpeechStarted or EndpointEvent.TurnConfirmed)
        {
            Current = open();
            for (var i = 0; i < preRoll.Count; i++)
            {
                Current.Push(preRoll.Frame(i));
            }
            started = true;
        }
        if (Current is { } recognition)
        {
            recognition.Push(frame);
        }
        else
        {
            preRoll.Push(frame);
        }
        return started;
    }

    /// <summary>The speech was noise after all: its recognition is dropped.</summary>
    public void Discard()
    {
        Current?.Abandon();
        Current = null;
    }

    /// <summary>The endpoint: hands over the turn's recognition (the turn runner completes or abandons it).</summary>
    public UtteranceRecognition? Finish()
    {
        var finished = Current;
        Current = null;
        return finished;
    }
}
