using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Offline STT: writes the utterance to a temporary 16 kHz WAV and runs <c>pocketsphinx_continuous -infile</c>
/// once per utterance. The only acoustic model packaged for Debian is US English: for any other language the
/// result is English words at best, and a warning says so once per call of the provider.
/// </summary>
public sealed class PocketsphinxSpeechToText(PocketsphinxOptions options, ILogger<PocketsphinxSpeechToText> logger) : ISpeechToText
{
    private const string Provider = "pocketsphinx";
    private int _warnedLanguage;

    public async Task<string> TranscribeAsync(ReadOnlyMemory<short> pcm, string language, IProgress<string>? partials, CancellationToken cancellationToken)
    {
        if (!language.StartsWith("en", StringComparison.OrdinalIgnoreCase) && Interlocked.Exchange(ref _warnedLanguage, 1) == 0)
        {
            ProvidersLog.OfflineSttEnglishOnly(logger, language);
        }
        var path = Path.Combine(Path.GetTempPath(), $"vf-stt-{Guid.NewGuid():N}.wav");
        try
        {
            await File.WriteAllBytesAsync(path, WavFile.Write(pcm.Span, AudioFormat.SampleRate), cancellationToken).ConfigureAwait(false);
            string[] arguments = ["-infile", path, "-logfn", "/dev/null", .. options.ExtraArguments];
            var result = await ExternalProcess.RunAsync(options.Command, arguments, null, Provider, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new ProviderException(Provider, $"exited with {result.ExitCode}", isTransient: false);
            }
            // One line per segment the decoder found; join them.
            var text = System.Text.Encoding.UTF8.GetString(result.StandardOutput);
            return string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
