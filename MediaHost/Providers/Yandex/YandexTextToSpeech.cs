using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Net.Client;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Speech;
using VoiceFunctions.MediaHost.Providers.Yandex.TtsV3;

using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Providers.Yandex;

/// <summary>
/// Yandex SpeechKit v3 synthesis (Synthesizer/UtteranceSynthesis over gRPC): headerless LINEAR16 at 16 kHz (the
/// loop's rate, so no resampling), the voice as a hint; each audio chunk is framed and passed on as it arrives.
/// </summary>
public sealed class YandexTextToSpeech(ProviderOptions options, GrpcChannel channel, TimeProvider time) : ITextToSpeech
{
    public const string DefaultEndpoint = "https://tts.api.cloud.yandex.net:443";
    public const string DefaultVoice = "alena";

    private readonly Synthesizer.SynthesizerClient _client = new(channel);

    public string Name => options.DisplayName;

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new UtteranceSynthesisRequest
        {
            Text = text,
            Hints = { new Hints { Voice = options.Voice.Length > 0 ? options.Voice : DefaultVoice } },
            OutputAudioSpec = new AudioFormatOptions { RawAudio = new RawAudio { AudioEncoding = RawAudio.Types.AudioEncoding.Linear16Pcm, SampleRateHertz = AudioFormat.SampleRate } },
            LoudnessNormalizationType = UtteranceSynthesisRequest.Types.LoudnessNormalizationType.Lufs,
        };
        if (options.Model.Length > 0)
        {
            request.Model = options.Model;
        }
        var idleTimeout = TimeSpan.FromSeconds(options.StreamIdleTimeoutSeconds);
        using var deadline = new StreamIdleDeadline(Name, idleTimeout, time, cancellationToken, firstMessageTimeout: TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
        using var call = _client.UtteranceSynthesis(request, YandexAuth.Headers(options), cancellationToken: deadline.Token);
        var framer = new PcmFramer(AudioFormat.SampleRate);
        while (true)
        {
            UtteranceSynthesisResponse response;
            try
            {
                if (!await call.ResponseStream.MoveNext(deadline.Token).ConfigureAwait(false))
                {
                    break;
                }
                response = call.ResponseStream.Current;
                deadline.MessageArrived();
            }
            catch (Exception e) when (deadline.Expired && e is RpcException or OperationCanceledException)
            {
                throw deadline.Timeout();
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw YandexAuth.ToProviderException(Name, e);
            }
            if (response.AudioChunk is { } chunk)
            {
                foreach (var frame in framer.Add(chunk.Data.Span))
                {
                    yield return frame;
                }
            }
        }
        foreach (var frame in framer.Complete())
        {
            yield return frame;
        }
    }
}
