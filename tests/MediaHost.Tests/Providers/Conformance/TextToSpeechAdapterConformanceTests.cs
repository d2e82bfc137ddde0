using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Azure;
using VoiceFunctions.MediaHost.Providers.Cartesia;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.ElevenLabs;
using VoiceFunctions.MediaHost.Providers.Yandex;

namespace VoiceFunctions.MediaHost.Tests.Providers.Conformance;

/// <summary>Yandex SpeechKit v3 UtteranceSynthesis (gRPC) against its fake.</summary>
public sealed class YandexFakeTtsConformanceTests : TextToSpeechConformance
{
    protected override ITextToSpeech Create(string key)
    {
        var options = new ProviderOptions { Kind = "yandex", Endpoint = Fake.GrpcUrl, ApiKey = key, StreamIdleTimeoutSeconds = 30 };
        return new YandexTextToSpeech(options, YandexChannels.For(options, YandexTextToSpeech.DefaultEndpoint), TimeProvider.System);
    }
}

/// <summary>Azure AI Speech TTS REST (SSML in, raw PCM streamed out) against its fake.</summary>
public sealed class AzureSpeechFakeTtsConformanceTests : TextToSpeechConformance
{
    protected override ITextToSpeech Create(string key) =>
        new AzureSpeechTextToSpeech(new ProviderOptions { Kind = "azure-speech", Endpoint = Fake.HttpUrl, ApiKey = key, StreamIdleTimeoutSeconds = 30 }, new HttpClient(), TimeProvider.System);
}

/// <summary>ElevenLabs stream-input WebSocket against its fake (a bad key is a 1008 close after the upgrade).</summary>
public sealed class ElevenLabsFakeTtsConformanceTests : TextToSpeechConformance
{
    protected override int AuthFailureStatus => 1008;

    protected override ITextToSpeech Create(string key) =>
        new ElevenLabsTextToSpeech(new ProviderOptions { Kind = "elevenlabs", Endpoint = Fake.WebSocketUrl, ApiKey = key, Voice = "voice-ru-1", StreamIdleTimeoutSeconds = 30 }, TimeProvider.System);
}

/// <summary>The OpenAI speech endpoint (24 kHz "pcm" streamed, resampled to 16 kHz) against its fake.</summary>
public sealed class OpenAiFakeTtsConformanceTests : TextToSpeechConformance
{
    protected override ITextToSpeech Create(string key) =>
        new OpenAiTextToSpeech(new HttpClient(), new OpenAiOptions { BaseUrl = Fake.HttpUrl + "/v1", ApiKey = key, Model = "tts-1", StreamIdleTimeoutSeconds = 30 },
            TimeProvider.System, NullLogger<OpenAiTextToSpeech>.Instance);
}

/// <summary>Cartesia's TTS WebSocket (one context per sentence, raw pcm_s16le) against its fake.</summary>
public sealed class CartesiaFakeTtsConformanceTests : TextToSpeechConformance
{
    protected override ITextToSpeech Create(string key) =>
        new CartesiaTextToSpeech(new ProviderOptions { Kind = "cartesia", Endpoint = Fake.WebSocketUrl, ApiKey = key, Voice = "voice-ru-1", StreamIdleTimeoutSeconds = 30 }, TimeProvider.System);
}
