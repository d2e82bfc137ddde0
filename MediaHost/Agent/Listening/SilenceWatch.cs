using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Counts the media time in which nobody talks (the caller is quiet and the agent idle): a re-prompt after every
/// <c>Silence:RepromptAfterSeconds</c> of it, then goodbye after <c>Silence:HangUpAfterSeconds</c>. Time in which the
/// agent talks pauses the count; the caller speaking starts it over.
/// </summary>
internal sealed class SilenceWatch(SilenceOptions options)
{
    private readonly int _repromptFrames = options.RepromptAfterSeconds * 1000 / AudioFormat.FrameMilliseconds;
    private readonly int _hangUpFrames = options.HangUpAfterSeconds * 1000 / AudioFormat.FrameMilliseconds;
    private int _silentFrames;
    private bool _hungUp;

    /// <param name="callerInTurn">The caller's turn ran during this frame (speech started, continued or ended on it).</param>
    /// <param name="nobodyTalks">After this frame, the caller is not in a turn, no agent audio is queued and no agent turn runs.</param>
    public SilenceAction OnFrame(bool callerInTurn, bool nobodyTalks)
    {
        if (callerInTurn)
        {
            _silentFrames = 0;
            _hungUp = false;
        }
        if (!nobodyTalks || _hungUp)
        {
            return SilenceAction.None;
        }
        _silentFrames++;
        if (_silentFrames >= _hangUpFrames)
        {
            _hungUp = true; // once
            return SilenceAction.HangUp;
        }
        return _silentFrames % _repromptFrames == 0 ? SilenceAction.Reprompt : SilenceAction.None;
    }
}
