using System.Runtime.CompilerServices;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Offline TTS: runs <c>espeak-ng -v VOICE --stdout TEXT</c> once per sentence, reads its WAV (22.05 kHz) and
/// converts it to 16 kHz frames. The text goes as an argument (after "--"), never through a shell.
/// </summary>
public sealed class EspeakTextToSpeech(EspeakOptions options) : ITextToSpeech
{
    private const string Provider = "espeak-ng";

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var voice = language.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? options.RussianVoice : options.EnglishVoice;
        string[] arguments = ["-v", voice, "-s", options.WordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stdout", "--", text];
        var result = await ExternalProcess.RunAsync(options.Command, arguments, null, Provider, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new ProviderException(Provider, $"exited with {result.ExitCode}: {result.StandardError.Trim()}", isTransient: false);
        }
        short[] samples;
        int rate;
        try
        {
            (samples, rate) = WavFile.Read(result.StandardOutput);
        }
        catch (FormatException e)
        {
            throw new ProviderException(Provider, "produced unreadable audio: " + e.Message, isTransient: false, inner: e);
        }
        var resampled = AlignedResampling.Convert(samples, rate, AudioFormat.SampleRate);
        var assembler = new FrameAssembler();
        foreach (var frame in assembler.Add(resampled))
        {
            yield return frame;
        }
        if (assembler.Flush() is { } last)
        {
            yield return last;
        }
    }
}
