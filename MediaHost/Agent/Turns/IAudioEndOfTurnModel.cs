namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// An end-of-turn model that also hears the caller and answers asynchronously (an ONNX turn model): the endpointer
/// hands it every frame of the caller's turn, and asks it again whenever <see cref="AnswerVersion"/> moves, so that
/// an answer computed off the audio loop is used in the pause it was asked for. One instance per call.
/// </summary>
public interface IAudioEndOfTurnModel : IEndOfTurnModel
{
    /// <summary>Moves each time an asynchronous answer arrives.</summary>
    int AnswerVersion { get; }

    /// <summary>The caller's turn began: the audio heard so far belongs to the previous one.</summary>
    void TurnStarted();

    /// <summary>One 20 ms frame of the caller's turn (16 kHz mono). Copied; never blocks.</summary>
    void OnAudio(ReadOnlySpan<short> frame);
}
