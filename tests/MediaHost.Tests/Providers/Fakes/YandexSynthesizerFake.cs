using Google.Protobuf;
using Grpc.Core;
using VoiceFunctions.MediaHost.Providers.Yandex.TtsV3;
using GrpcStatus = Grpc.Core.Status;

namespace VoiceFunctions.MediaHost.Tests.Providers.Fakes;

/// <summary>
/// Test double of Yandex SpeechKit v3 Synthesizer/UtteranceSynthesis: "authorization: Api-Key &lt;key&gt;" (else
/// UNAUTHENTICATED), INVALID_ARGUMENT over 250 characters (without unsafe_mode), then audio_chunk responses of raw
/// LINEAR16 at the requested rate with increasing start_ms (a tone, or the text spoken: <see cref="FakeScript.SpeakText"/>), and OK. Refusals and drops as the script says.
/// </summary>
internal sealed class YandexSynthesizerFake(FakeScript script) : Synthesizer.SynthesizerBase
{
    public override async Task UtteranceSynthesis(UtteranceSynthesisRequest request, IServerStreamWriter<UtteranceSynthesisResponse> responseStream, ServerCallContext context)
    {
        Interlocked.Increment(ref script.Sessions);
        script.LastAuth = context.RequestHeaders.GetValue("authorization");
        if (script.LastAuth != "Api-Key " + FakeScript.Key)
        {
            throw new RpcException(new GrpcStatus(StatusCode.Unauthenticated, "The token is invalid"));
        }
        switch (script.Behaviour)
        {
            case FakeBehaviour.RateLimited:
                throw new RpcException(new GrpcStatus(StatusCode.ResourceExhausted, "Quota exceeded"), new Metadata { { "retry-after", script.RetryAfterSeconds.ToString() } });
            case FakeBehaviour.ServerError:
                throw new RpcException(new GrpcStatus(StatusCode.Unavailable, "Service unavailable"));
        }
        if (request.Text.Length > 250 && !request.UnsafeMode)
        {
            throw new RpcException(new GrpcStatus(StatusCode.InvalidArgument, "Too long text"));
        }
        var rate = (int)request.OutputAudioSpec.RawAudio.SampleRateHertz;
        if (request.OutputAudioSpec.RawAudio.AudioEncoding != RawAudio.Types.AudioEncoding.Linear16Pcm || rate < 8000)
        {
            throw new RpcException(new GrpcStatus(StatusCode.InvalidArgument, "raw LINEAR16 expected in this fake"));
        }
        var first = true;
        long startMs = 0;
        foreach (var chunk in await script.AudioChunksAsync(rate, request.Text))
        {
            if (first)
            {
                await Task.Delay(script.Behaviour == FakeBehaviour.SlowFirstResult ? script.FirstResultDelay : script.TtsFirstAudioDelay, context.CancellationToken);
            }
            var lengthMs = chunk.Length / 2 * 1000L / rate;
            await responseStream.WriteAsync(new UtteranceSynthesisResponse { AudioChunk = new AudioChunk { Data = ByteString.CopyFrom(chunk) }, StartMs = startMs, LengthMs = lengthMs });
            startMs += lengthMs;
            if (first && script.HoldAfterFirstChunk is { } hold)
            {
                await hold.Task.WaitAsync(context.CancellationToken);
            }
            if (first && script.Behaviour == FakeBehaviour.DropMidStream)
            {
                await Task.Delay(50);
                context.GetHttpContext().Abort();
                return;
            }
            first = false;
        }
    }
}
