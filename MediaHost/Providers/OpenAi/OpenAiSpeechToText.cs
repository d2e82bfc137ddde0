using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Providers.Http;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Batch STT over POST /v1/audio/transcriptions: the utterance as a multipart WAV upload, the answer's "text". Not
/// streaming: the chain uses it through <see cref="Recognition.BatchRecognitionAdapter"/> as the last resort.
/// Hand-written over HttpClient (one multipart POST) because the batch adapter hands it samples, not a file.
/// </summary>
public sealed class OpenAiSpeechToText : ISpeechToText
{
    private const string Provider = "openai-stt";
    private readonly ProviderHttp _http;
    private readonly OpenAiOptions _options;

    public OpenAiSpeechToText(HttpClient http, OpenAiOptions options, TimeProvider time, ILogger<OpenAiSpeechToText> logger)
    {
        _ = logger;
        _options = options;
        _http = new ProviderHttp(http, options.Timeout, options.StreamIdleTimeout, time);
    }

    public async Task<string> TranscribeAsync(ReadOnlyMemory<short> pcm, string language, IProgress<string>? partials, CancellationToken cancellationToken)
    {
        var wav = WavFile.Write(pcm.Span, AudioFormat.SampleRate);
        var isoLanguage = language.Length >= 2 ? language[..2].ToLowerInvariant() : language;
        HttpContent Form()
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(wav);
            file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            form.Add(file, "file", "utterance.wav");
            form.Add(new StringContent(_options.Model), "model");
            form.Add(new StringContent(isoLanguage), "language");
            form.Add(new StringContent("json"), "response_format");
            return form;
        }
        using var request = _options.Post("audio/transcriptions", Form());
        using var response = await _http.SendAsync(Provider, request, cancellationToken).ConfigureAwait(false);
        var body = await _http.ReadAllAsync(response, Provider, cancellationToken).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                ? text.GetString()!.Trim()
                : throw new ProviderException(Provider, "the answer has no \"text\"", isTransient: false);
        }
        catch (JsonException e)
        {
            throw new ProviderException(Provider, "the answer is not JSON", isTransient: false, inner: e);
        }
    }
}
