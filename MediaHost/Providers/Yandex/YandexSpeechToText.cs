using Grpc.Core;
using Grpc.Net.Client;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Providers.Yandex.SttV3;

namespace VoiceFunctions.MediaHost.Providers.Yandex;

/// <summary>
/// Yandex SpeechKit v3 streaming recognition (Recognizer/RecognizeStreaming over gRPC): one bidirectional call per
/// utterance, session options first (LINEAR16 at the request's rate, mono, the language as a whitelist, the server's
/// end-of-utterance classifier), then the audio as chunks.
/// </summary>
public sealed class YandexSpeechToText(ProviderOptions options, GrpcChannel channel, TimeProvider time) : IStreamingSpeechToText
{
    public const string DefaultEndpoint = "https://stt.api.cloud.yandex.net:443";
    public const string DefaultModel = "general";

    private readonly Recognizer.RecognizerClient _client = new(channel);

    public string Name => options.DisplayName;

    public async ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken)
    {
        var call = _client.RecognizeStreaming(YandexAuth.Headers(options), cancellationToken: cancellationToken);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds), time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            await call.RequestStream.WriteAsync(SessionOptions(options, request), linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            var failure = await YandexAuth.FromEndedCallAsync(Name, call, e, time).ConfigureAwait(false);
            call.Dispose();
            throw failure;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            call.Dispose();
            throw new ProviderTimeoutException(Name, TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
        }
        return new YandexRecognitionStream(call, Name, TimeSpan.FromSeconds(options.StreamIdleTimeoutSeconds), time);
    }

    public static StreamingRequest SessionOptions(ProviderOptions options, RecognitionRequest request) => new()
    {
        SessionOptions = new StreamingOptions
        {
            RecognitionModel = new RecognitionModelOptions
            {
                Model = options.Model.Length > 0 ? options.Model : DefaultModel,
                AudioFormat = new AudioFormatOptions
                {
                    RawAudio = new RawAudio { AudioEncoding = RawAudio.Types.AudioEncoding.Linear16Pcm, SampleRateHertz = request.SampleRate, AudioChannelCount = 1 },
                },
                TextNormalization = new TextNormalizationOptions { TextNormalization = TextNormalizationOptions.Types.TextNormalization.Enabled },
                LanguageRestriction = new LanguageRestrictionOptions
                {
                    RestrictionType = LanguageRestrictionOptions.Types.LanguageRestrictionType.Whitelist,
                    LanguageCode = { request.Language },
                },
                AudioProcessingType = RecognitionModelOptions.Types.AudioProcessingType.RealTime,
            },
            EouClassifier = new EouClassifierOptions { DefaultClassifier = new DefaultEouClassifier { Type = DefaultEouClassifier.Types.EouSensitivity.Default } },
        },
    };
}
