namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// A semantic end-of-turn detector (for example an ONNX turn model that reads the partial transcript).
/// Asked at a pause once the silence reaches <see cref="EndpointingOptions.ModelCheckSilenceMs"/> (or the plain
/// silence rule, if shorter), and again when a newer interim transcript arrives during the same pause; it says how
/// much longer to wait. The endpointer never waits past <see cref="EndpointingOptions.MaxWaitMs"/>.
/// </summary>
public interface IEndOfTurnModel
{
    /// <summary>Extra silence to wait before ending the turn; <see cref="TimeSpan.Zero"/> to end it now.</summary>
    TimeSpan AdditionalWait(in EndOfTurnContext context);
}

/// <summary>What the end-of-turn model knows at a pause.</summary>
/// <param name="Language">BCP 47 tag of the conversation, for example "ru-RU".</param>
/// <param name="SpeechDuration">Media time since the turn's speech began.</param>
/// <param name="Silence">Silence so far.</param>
/// <param name="PartialTranscript">The latest partial transcript, when the STT provider gives partials.</param>
/// <param name="SilenceRule">The plain silence rule's total silence (<see cref="EndpointingOptions.SilenceMs"/>): what to
/// wait for when the words say nothing.</param>
/// <param name="VoicedDuration">The turn's frames judged speech so far (pauses left out): how much the words have to
/// account for. Zero when unknown.</param>
/// <param name="Contour">The caller's pitch contour going into the pause (<see cref="PauseContour.Unknown"/> when not tracked).</param>
/// <param name="LanguageHeard">False when no recogniser hears the call's language: there will never be words to judge.</param>
public readonly record struct EndOfTurnContext(string Language, TimeSpan SpeechDuration, TimeSpan Silence, string? PartialTranscript, TimeSpan SilenceRule = default,
    TimeSpan VoicedDuration = default, PauseContour Contour = PauseContour.Unknown, bool LanguageHeard = true);
