namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// A semantic end-of-turn detector (for example an ONNX turn model that reads the partial transcript).
/// Asked once per pause when the plain silence rule would end the turn; it may ask to wait longer
/// (the caller sounds unfinished). The endpointer never waits past <see cref="EndpointingOptions.MaxWaitMs"/>.
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
public readonly record struct EndOfTurnContext(string Language, TimeSpan SpeechDuration, TimeSpan Silence, string? PartialTranscript);
