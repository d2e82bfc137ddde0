namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Decides when the caller takes the floor from the agent: once the caller's current turn holds
/// <c>BargeIn:ConfirmationMs</c> of speech while an agent turn is running. Fires at most once per caller turn, on the
/// very frame that confirms it, so the listener can silence the agent without waiting for anything else.
/// </summary>
internal sealed class BargeInDetector(int confirmationFrames)
{
    private int _speechFrames;

    public static BargeInDetector For(BargeInOptions options) =>
        new(Math.Max(1, options.ConfirmationMs / Calls.AudioFormat.FrameMilliseconds));

    /// <summary>Whether the caller's current turn barged in.</summary>
    public bool BargedIn { get; private set; }

    /// <summary>A caller turn began: counting starts over.</summary>
    public void TurnStarted()
    {
        _speechFrames = 0;
        BargedIn = false;
    }

    /// <summary>One frame of the caller's turn; true on the frame that confirms the barge-in.</summary>
    public bool OnFrame(bool isSpeech, bool agentTurnRunning)
    {
        _speechFrames += isSpeech ? 1 : 0;
        if (BargedIn || _speechFrames < confirmationFrames || !agentTurnRunning)
        {
            return false;
        }
        BargedIn = true;
        return true;
    }
}
