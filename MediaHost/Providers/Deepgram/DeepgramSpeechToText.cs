using System.Globalization;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Providers.WebSockets;

namespace VoiceFunctions.MediaHost.Providers.Deepgram;

/// <summary>
/// Deepgram live transcription over WebSocket (wss://api.deepgram.com/v1/listen): one socket per utterance,
/// "Authorization: Token &lt;key&gt;", linear16 audio in binary frames, interim results on, endpointing and
/// UtteranceEnd set for conversation. The model defaults to nova-2 (Russian since 2024); "ru-RU" is sent as "ru".
/// </summary>
public sealed class DeepgramSpeechToText(ProviderOptions options, TimeProvider time) : IStreamingSpeechToText
{
    public const string DefaultEndpoint = "wss://api.deepgram.com";
    public const string DefaultModel = "nova-2";

    /// <summary>Silence (ms) before Deepgram marks speech_final. 300 ms: the range Deepgram suggests for conversation.</summary>
    public const int EndpointingMs = 300;

    /// <summary>Word gap (ms) for UtteranceEnd. 1000 ms: less brings nothing, it works from ~1 s interim results.</summary>
    public const int UtteranceEndMs = 1000;

    public string Name => options.DisplayName;

    public async ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken)
    {
        var socket = await VendorWebSocket.ConnectAsync(Name, ListenUri(options, request),
            new Dictionary<string, string> { ["Authorization"] = "Token " + options.ApiKey },
            TimeSpan.FromSeconds(options.AttemptTimeoutSeconds), time, cancellationToken).ConfigureAwait(false);
        return new DeepgramRecognitionStream(socket, Name, TimeSpan.FromSeconds(options.StreamIdleTimeoutSeconds), time);
    }

    /// <summary>The /v1/listen URL with the query for raw 16-bit mono audio at the request's rate.</summary>
    public static Uri ListenUri(ProviderOptions options, RecognitionRequest request)
    {
        var endpoint = (options.Endpoint.Length > 0 ? options.Endpoint : DefaultEndpoint).TrimEnd('/');
        var language = request.Language.Split('-')[0].ToLowerInvariant();
        var model = options.Model.Length > 0 ? options.Model : DefaultModel;
        var query = string.Create(CultureInfo.InvariantCulture,
            $"model={Uri.EscapeDataString(model)}&language={language}&encoding=linear16&sample_rate={request.SampleRate}&channels=1"
            + $"&interim_results=true&endpointing={EndpointingMs}&utterance_end_ms={UtteranceEndMs}&vad_events=true&punctuate=true");
        return new Uri($"{endpoint}/v1/listen?{query}");
    }
}
