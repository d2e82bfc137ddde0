namespace VoiceFunctions.MediaHost.Providers.Recognition;

/// <summary>
/// The one speech-to-text contract of the audio loop: streaming recognition. The session opens a stream when the
/// caller starts speaking (with its pre-roll), pushes 20 ms frames while the caller speaks, completes the stream when
/// the endpointer ends the turn, and reads interim and final results throughout. Batch providers are adapted to it
/// (<see cref="BatchRecognitionAdapter"/>: they emit one final after <see cref="IRecognitionStream.CompleteAsync"/>).
/// </summary>
public interface IStreamingSpeechToText
{
    /// <summary>The provider's name for logs, metrics and the turn record (for example "pocketsphinx", "deepgram").</summary>
    string Name { get; }

    /// <summary>
    /// Opens one recognition stream (one caller utterance). Throws <see cref="ProviderException"/> when the provider
    /// cannot start one (for example a refused connection); the failover chain then tries the next provider.
    /// </summary>
    ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Whether this provider recognises <paramref name="language"/> (BCP 47) rather than decoding it as another
    /// language. When it does not, the end of a caller's turn cannot be judged from its words (they would be another
    /// language's guesses) and silence alone decides. Providers that take any language they are asked for say true.
    /// </summary>
    bool Hears(string language) => true;
}

/// <summary>What a recognition stream is for.</summary>
/// <param name="Language">BCP 47 tag, for example "ru-RU".</param>
/// <param name="SampleRate">The rate of the frames pushed: 16 000 (the audio loop's format) unless a provider asks otherwise.</param>
/// <param name="Phrases">Phrases the dialog expects (biasing hints for providers that take them); empty when none.</param>
/// <param name="Speaker">Who speaks, the same for every utterance of a call (null: unknown, every utterance stands alone).</param>
/// <param name="LineRate">The audio rate of the caller's line, its codec's (8 000 for PCMU/PCMA, 16 000 for G.722): the
/// frames pushed may have been resampled up from it, so a phone-band call can reach the provider as 16 kHz frames. 0: unknown.</param>
public sealed record RecognitionRequest(string Language, int SampleRate, IReadOnlyList<string> Phrases, RecognitionSpeaker? Speaker = null, int LineRate = 0)
{
    public static RecognitionRequest For(string language, IReadOnlyList<string>? phrases = null, RecognitionSpeaker? speaker = null, int lineRate = 0) =>
        new(language, MediaModel.AudioFormat.SampleRate, phrases ?? [], speaker, lineRate);

    /// <summary>
    /// Whether the caller's audio carries nothing above 4 kHz: a G.711 line, frames at 8 kHz, or a line of unknown rate
    /// (most calls are phone-band, and phone-band audio taken for wideband derails a wideband recogniser).
    /// </summary>
    public bool IsPhoneBand => SampleRate < 16_000 || LineRate < 16_000;
}

/// <summary>
/// One caller across the utterances of a call. Providers that adapt to a voice or a line (the offline decoder's running
/// cepstral mean) keep what they learnt per speaker, never per decoder or connection, so a pooled decoder does not hear
/// one caller with another's adaptation. Compared by reference; what a provider keeps for it goes when the call does.
/// </summary>
public sealed class RecognitionSpeaker;
