namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// VAD and endpointing, frame by frame: a caller frame is speech when the voice activity detector (on the front-end's
/// cleaned audio) says so and the echo guard does not take it for what is left of the agent's own voice; the endpointer turns those verdicts (and the partial
/// transcript, for an end-of-turn model) into the beginnings and ends of the caller's turns.
/// </summary>
internal sealed class SpeechDetector(IVoiceActivityDetector vad, EchoGuard echo, Endpointer endpointer, Action<Endpointer>? turnEnded = null)
{
    /// <summary>The trailing silence of the turn that just ended (readable until the next frame).</summary>
    public TimeSpan TrailingSilence => endpointer.TrailingSilence;

    /// <summary>One frame; <paramref name="recognition"/> is the current turn's recognition (null between turns).</summary>
    public SpeechStep OnFrame(in CallerFrame frame, UtteranceRecognition? recognition)
    {
        var activity = vad.Process(frame.Samples);
        // The echo guard sees every slot, speech or not, so that its window follows the agent's audio as it played.
        var isEcho = echo.IsEcho(frame.EchoLevelDbfs, activity.LevelDbfs);
        if (endpointer.InSpeech)
        {
            // The lag first: the words read after it are at least as new as the coverage it was computed from.
            endpointer.PartialLag = recognition?.PartialLag;
            endpointer.PartialTranscript = recognition?.PartialTranscript;
        }
        var isSpeech = activity.IsSpeech && !isEcho;
        var endpoint = endpointer.OnFrame(isSpeech);
        if (endpoint is EndpointEvent.TurnEndedBySilence)
        {
            turnEnded?.Invoke(endpointer);
        }
        endpointer.OnAudio(frame.Samples);
        return new SpeechStep(isSpeech, endpoint);
    }
}
