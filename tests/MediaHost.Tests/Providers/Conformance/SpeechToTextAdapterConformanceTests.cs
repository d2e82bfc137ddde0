using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Deepgram;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Providers.Yandex;

namespace VoiceFunctions.MediaHost.Tests.Providers.Conformance;

/// <summary>Deepgram live (WebSocket) against its fake.</summary>
public sealed class DeepgramFakeSttConformanceTests : SpeechToTextConformance
{
    protected override IStreamingSpeechToText Create(string key) =>
        new DeepgramSpeechToText(new ProviderOptions { Kind = "deepgram", Endpoint = Fake.WebSocketUrl, ApiKey = key, StreamIdleTimeoutSeconds = 30 }, TimeProvider.System);
}

/// <summary>Yandex SpeechKit v3 streaming recognition (gRPC) against its fake.</summary>
public sealed class YandexFakeSttConformanceTests : SpeechToTextConformance
{
    protected override IStreamingSpeechToText Create(string key)
    {
        var options = new ProviderOptions { Kind = "yandex", Endpoint = Fake.GrpcUrl, ApiKey = key, StreamIdleTimeoutSeconds = 30 };
        return new YandexSpeechToText(options, YandexChannels.For(options, YandexSpeechToText.DefaultEndpoint), TimeProvider.System);
    }
}

/// <summary>The OpenAI-compatible batch transcription behind the batch adapter (no interims) against the OpenAI fake.</summary>
public sealed class OpenAiBatchFakeSttConformanceTests : SpeechToTextConformance
{
    protected override bool Streams => false;

    protected override IStreamingSpeechToText Create(string key) =>
        new BatchRecognitionAdapter(new OpenAiSpeechToText(new HttpClient(),
            new OpenAiOptions { BaseUrl = Fake.HttpUrl + "/v1", ApiKey = key, Model = "whisper-1", StreamIdleTimeoutSeconds = 30 },
            TimeProvider.System, NullLogger<OpenAiSpeechToText>.Instance), "openai-batch");
}
