using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Decides when the caller takes the floor from the agent: once the caller's current turn holds
/// <c>BargeIn:ConfirmationMs</c> of speech while an agent turn is running — unless the interim transcript so far is
/// nothing or only a backchannel ("угу", "mm-hm"): then the agent keeps talking until the caller has spoken
/// <c>BargeIn:BackchannelHoldMs</c> or says another word. Fires at most once per caller turn, on the very frame that
/// decides it, so the listener can silence the agent without waiting for anything else.
/// </summary>
internal sealed class BargeInDetector(int confirmationFrames, int backchannelHoldFrames = 0, BackchannelRule? backchannels = null)
{
    private int _speechFrames;
    private string? _judgedPartial;
    private bool _partialIsBackchannel = true;

    /// <summary>The detector for <paramref name="options"/>; <paramref name="interimsExpected"/> false (a batch recogniser)
    /// turns the backchannel hold off: with no interim to judge it would only delay every barge-in.</summary>
    public static BargeInDetector For(BargeInOptions options, bool interimsExpected = false) =>
        new(Math.Max(1, options.ConfirmationMs / AudioFormat.FrameMilliseconds),
            interimsExpected ? options.BackchannelHoldMs / AudioFormat.FrameMilliseconds : 0, new BackchannelRule(options));

    /// <summary>Whether the caller's current turn barged in.</summary>
    public bool BargedIn { get; private set; }

    /// <summary>A caller turn began: counting starts over.</summary>
    public void TurnStarted()
    {
        _speechFrames = 0;
        BargedIn = false;
        _judgedPartial = null;
        _partialIsBackchannel = true;
    }

    /// <summary>One frame of the caller's turn; true on the frame that confirms the barge-in.</summary>
    public bool OnFrame(bool isSpeech, bool agentTurnRunning, string? partialTranscript = null)
    {
        _speechFrames += isSpeech ? 1 : 0;
        if (BargedIn || _speechFrames < confirmationFrames || !agentTurnRunning)
        {
            return false;
        }
        if (_speechFrames < backchannelHoldFrames && OnlyBackchannelSoFar(partialTranscript))
        {
            return false;
        }
        BargedIn = true;
        return true;
    }

    // Judged again only when the interim changes: a few times per caller turn, never per frame.
    private bool OnlyBackchannelSoFar(string? partial)
    {
        if (backchannels is null)
        {
            return false;
        }
        if (!ReferenceEquals(partial, _judgedPartial))
        {
            _judgedPartial = partial;
            _partialIsBackchannel = string.IsNullOrWhiteSpace(partial) || backchannels.IsBackchannelOrNothing(partial);
        }
        return _partialIsBackchannel;
    }
}
