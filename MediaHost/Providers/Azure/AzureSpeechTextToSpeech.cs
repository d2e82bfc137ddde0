using System.Runtime.CompilerServices;
using System.Security;
using System.Text;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Http;
using VoiceFunctions.MediaHost.Providers.Speech;

using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Providers.Azure;

/// <summary>
/// Azure AI Speech text-to-speech over REST (POST https://{region}.tts.speech.microsoft.com/cognitiveservices/v1):
/// SSML in ("Ocp-Apim-Subscription-Key", "X-Microsoft-OutputFormat: raw-16khz-16bit-mono-pcm", a User-Agent), the
/// headerless PCM body framed as it is transferred. Default voice ru-RU-SvetlanaNeural.
/// </summary>
public sealed class AzureSpeechTextToSpeech(ProviderOptions options, HttpClient http, TimeProvider time) : ITextToSpeech
{
    public const string DefaultVoice = "ru-RU-SvetlanaNeural";
    public const string OutputFormat = "raw-16khz-16bit-mono-pcm";

    private readonly ProviderHttp _http = new(http, TimeSpan.FromSeconds(options.AttemptTimeoutSeconds), TimeSpan.FromSeconds(options.StreamIdleTimeoutSeconds), time);

    public string Name => options.DisplayName;

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(options))
        {
            Content = new StringContent(Ssml(text, language, options.Voice.Length > 0 ? options.Voice : DefaultVoice), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/ssml+xml");
        request.Headers.Add("Ocp-Apim-Subscription-Key", options.ApiKey);
        request.Headers.Add("X-Microsoft-OutputFormat", OutputFormat);
        request.Headers.TryAddWithoutValidation("User-Agent", "VoiceFunctions");
        using var response = await _http.SendAsync(Name, request, cancellationToken).ConfigureAwait(false);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var framer = new PcmFramer(AudioFormat.SampleRate);
        var buffer = new byte[4096];
        int n;
        while ((n = await _http.ReadAsync(body, buffer, Name, cancellationToken).ConfigureAwait(false)) > 0)
        {
            foreach (var frame in framer.Add(buffer.AsSpan(0, n)))
            {
                yield return frame;
            }
        }
        foreach (var frame in framer.Complete())
        {
            yield return frame;
        }
    }

    public static Uri Endpoint(ProviderOptions options) => new(options.Endpoint.Length > 0
        ? options.Endpoint.TrimEnd('/') + "/cognitiveservices/v1"
        : $"https://{options.Region}.tts.speech.microsoft.com/cognitiveservices/v1");

    /// <summary>The minimal SSML document: the language, the voice, the text escaped.</summary>
    public static string Ssml(string text, string language, string voice) =>
        $"<speak version='1.0' xmlns='http://www.w3.org/2001/10/synthesis' xml:lang='{SecurityElement.Escape(language)}'>"
        + $"<voice name='{SecurityElement.Escape(voice)}'>{SecurityElement.Escape(text)}</voice></speak>";
}
