using Grpc.Core;
using VoiceFunctions.MediaHost.Providers.Yandex.SttV3;
using GrpcStatus = Grpc.Core.Status;
using GrpcStatusCode = Grpc.Core.StatusCode;

namespace VoiceFunctions.MediaHost.Tests.Providers.Fakes;

/// <summary>
/// Test double of Yandex SpeechKit v3 Recognizer/RecognizeStreaming. "authorization: Api-Key &lt;key&gt;" (else
/// UNAUTHENTICATED); the first message must be session_options with LINEAR16 and a language (else INVALID_ARGUMENT);
/// then status_code, a partial once audio flows, and when the client ends its stream: final, eou_update, OK. Every
/// response carries session_uuid and audio_cursors. Refusals: RESOURCE_EXHAUSTED (with a "retry-after" trailer, a
/// script setting) and UNAVAILABLE; a drop aborts the HTTP/2 stream.
/// </summary>
internal sealed class YandexRecognizerFake(FakeScript script) : Recognizer.RecognizerBase
{
    public override async Task RecognizeStreaming(IAsyncStreamReader<StreamingRequest> requestStream, IServerStreamWriter<StreamingResponse> responseStream, ServerCallContext context)
    {
        Interlocked.Increment(ref script.Sessions);
        script.LastAuth = context.RequestHeaders.GetValue("authorization");
        if (script.LastAuth != "Api-Key " + FakeScript.Key)
        {
            throw new RpcException(new GrpcStatus(GrpcStatusCode.Unauthenticated, "The token is invalid"));
        }
        switch (script.Behaviour)
        {
            case FakeBehaviour.RateLimited:
                throw new RpcException(new GrpcStatus(GrpcStatusCode.ResourceExhausted, "Quota exceeded"), new Metadata { { "retry-after", script.RetryAfterSeconds.ToString() } });
            case FakeBehaviour.ServerError:
                throw new RpcException(new GrpcStatus(GrpcStatusCode.Unavailable, "Service unavailable"));
        }
        if (!await requestStream.MoveNext() || requestStream.Current.EventCase != StreamingRequest.EventOneofCase.SessionOptions)
        {
            throw new RpcException(new GrpcStatus(GrpcStatusCode.InvalidArgument, "the first message must be session_options"));
        }
        var model = requestStream.Current.SessionOptions.RecognitionModel;
        if (model.AudioFormat.RawAudio.AudioEncoding != RawAudio.Types.AudioEncoding.Linear16Pcm || model.LanguageRestriction.LanguageCode.Count == 0
            || model.AudioFormat.RawAudio.SampleRateHertz is not (8000 or 16000 or 48000))
        {
            throw new RpcException(new GrpcStatus(GrpcStatusCode.InvalidArgument, "unsupported audio format or no language"));
        }
        var uuid = Guid.NewGuid().ToString();
        await responseStream.WriteAsync(Response(uuid, r => r.StatusCode = new VoiceFunctions.MediaHost.Providers.Yandex.SttV3.StatusCode { CodeType = CodeType.Working, Message = "" }));
        script.AudioBytes = 0;
        var sentPartial = false;
        while (await requestStream.MoveNext())
        {
            if (requestStream.Current.EventCase != StreamingRequest.EventOneofCase.Chunk)
            {
                continue;
            }
            script.AudioBytes += requestStream.Current.Chunk.Data.Length;
            if (!sentPartial && script.AudioBytes >= 6400)
            {
                sentPartial = true;
                if (script.Behaviour != FakeBehaviour.SlowFirstResult)
                {
                    await responseStream.WriteAsync(Response(uuid, r => r.Partial = Update(script.InterimText)));
                }
                if (script.Behaviour == FakeBehaviour.DropMidStream)
                {
                    context.GetHttpContext().Abort();
                    return;
                }
            }
        }
        await Task.Delay(script.Behaviour == FakeBehaviour.SlowFirstResult ? script.FirstResultDelay : script.SttFinalDelay, context.CancellationToken);
        await responseStream.WriteAsync(Response(uuid, r => r.Final = Update(script.FinalText)));
        await responseStream.WriteAsync(Response(uuid, r => r.EouUpdate = new EouUpdate { TimeMs = 1900 }));
    }

    private static AlternativeUpdate Update(string text) => new() { Alternatives = { new Alternative { Text = text, StartTimeMs = 0, EndTimeMs = 1900 } } };

    private StreamingResponse Response(string uuid, Action<StreamingResponse> set)
    {
        var response = new StreamingResponse
        {
            SessionUuid = new SessionUuid { Uuid = uuid },
            AudioCursors = new AudioCursors { ReceivedDataMs = script.AudioBytes / 32 },
            ChannelTag = "0",
        };
        set(response);
        return response;
    }
}
