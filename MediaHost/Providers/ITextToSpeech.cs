namespace VoiceFunctions.MediaHost.Providers;

/// <summary>Speaks one sentence: a stream of 20 ms frames (16 kHz mono, 320 samples), the first as early as possible.</summary>
public interface ITextToSpeech
{
    /// <summary>
    /// Synthesises <paramref name="text"/> in <paramref name="language"/>. Every frame yielded is a new array of
    /// exactly <see cref="MediaModel.AudioFormat.SamplesPerFrame"/> samples (the last one padded with silence).
    /// Throws <see cref="ProviderException"/> (or <see cref="ProviderTimeoutException"/>).
    /// </summary>
    IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, CancellationToken cancellationToken);
}
