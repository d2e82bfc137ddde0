using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// TTS over POST /v1/audio/speech. With "pcm" the body is raw 16-bit little-endian audio, converted to 16 kHz and
/// framed as it streams in (first frame out after the first few ms of audio); with "wav" the file is read whole.
/// </summary>
public sealed class OpenAiTextToSpeech : ITextToSpeech
{
    private const string Provider = "openai-tts";
    private readonly OpenAiHttp _http;

    public OpenAiTextToSpeech(HttpClient http, OpenAiOptions options, TimeProvider time, ILogger<OpenAiTextToSpeech> logger) =>
        _http = new OpenAiHttp(http, options, time, logger);

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = _http.Options;
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["model"] = options.Model,
            ["input"] = text,
            ["voice"] = options.Voice,
            ["response_format"] = options.ResponseFormat,
        });
        using var response = await _http.PostAsync(Provider, "audio/speech",
            () => new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } }, cancellationToken).ConfigureAwait(false);
        var assembler = new FrameAssembler();
        var converted = new List<short>();
        if (options.ResponseFormat == "wav")
        {
            var wav = await _http.ReadAllAsync(response, Provider, cancellationToken).ConfigureAwait(false);
            short[] samples;
            int rate;
            try
            {
                (samples, rate) = WavFile.Read(wav);
            }
            catch (FormatException e)
            {
                throw new ProviderException(Provider, "unreadable WAV: " + e.Message, isTransient: false, inner: e);
            }
            foreach (var frame in assembler.Add(AlignedResampling.Convert(samples, rate, AudioFormat.SampleRate)))
            {
                yield return frame;
            }
        }
        else
        {
            var resampler = new AlignedResampling(options.PcmSampleRate, AudioFormat.SampleRate);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[8 * 1024 + 1];
            var carry = 0; // an odd byte left from the previous read
            int n;
            while ((n = await _http.ReadAsync(stream, buffer.AsMemory(carry, buffer.Length - 1 - carry), Provider, cancellationToken).ConfigureAwait(false)) > 0)
            {
                var total = carry + n;
                var even = total & ~1;
                converted.Clear();
                resampler.Process(WavFile.FromPcmBytes(buffer.AsSpan(0, even)), converted);
                carry = total - even;
                if (carry == 1)
                {
                    buffer[0] = buffer[even];
                }
                foreach (var frame in assembler.Add(converted))
                {
                    yield return frame;
                }
            }
            converted.Clear();
            resampler.Flush(converted);
            foreach (var frame in assembler.Add(converted))
            {
                yield return frame;
            }
        }
        if (assembler.Flush() is { } last)
        {
            yield return last;
        }
    }
}
