namespace VoiceFunctions.MediaHost.Providers;

/// <summary>Turns one utterance of caller audio into text. One call per turn; cancellable at any point.</summary>
public interface ISpeechToText
{
    /// <summary>
    /// Transcribes <paramref name="pcm"/> (16 kHz mono 16-bit, the whole utterance). Returns the final text,
    /// empty when nothing was recognised. <paramref name="partials"/>, when given, receives interim text from
    /// providers that produce it. Throws <see cref="ProviderException"/> (or <see cref="ProviderTimeoutException"/>).
    /// </summary>
    Task<string> TranscribeAsync(ReadOnlyMemory<short> pcm, string language, IProgress<string>? partials, CancellationToken cancellationToken);
}
