using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Tests.Agent;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers;

public sealed class OpenAiSpeechProvidersTests
{
    private static OpenAiOptions Options(LoopbackOpenAiServer server, string model) =>
        new() { BaseUrl = server.BaseUrl, ApiKey = "k-" + Guid.NewGuid().ToString("N"), Model = model, RetryDelayMs = 1 };

    [Fact]
    public async Task Transcription_uploads_a_16_khz_wav_with_model_and_language_as_multipart()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) =>
        {
            ctx.Response.ContentType = "application/json";
            return ctx.Response.WriteAsync("""{"text":" Добрый день "}""");
        });
        var stt = new OpenAiSpeechToText(new HttpClient(), Options(server, "whisper-1"), TimeProvider.System, NullLogger<OpenAiSpeechToText>.Instance);
        var text = await stt.TranscribeAsync(SyntheticAudio.Voice(-20, 400), "ru-RU", null, default).DefaultTimeout();

        Assert.Equal("Добрый день", text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/audio/transcriptions", request.Path);
        Assert.StartsWith("multipart/form-data", request.ContentType);
        var body = Encoding.Latin1.GetString(request.Body);
        Assert.Contains("name=model", body);
        Assert.Contains("whisper-1", body);
        Assert.Contains("name=language", body);
        Assert.Contains("\r\n\r\nru\r\n", body);
        var wavStart = body.IndexOf("RIFF", StringComparison.Ordinal);
        var (samples, rate) = WavFile.Read(request.Body.AsSpan(wavStart));
        Assert.Equal(16_000, rate);
        Assert.Equal(6400, samples.Length);
    }

    [Fact]
    public async Task Transcription_error_is_a_provider_exception()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteErrorAsync(ctx, 413, "file too large"));
        var stt = new OpenAiSpeechToText(new HttpClient(), Options(server, "whisper-1"), TimeProvider.System, NullLogger<OpenAiSpeechToText>.Instance);
        var e = await Assert.ThrowsAsync<ProviderException>(() => stt.TranscribeAsync(new short[320], "en-US", null, default)).DefaultTimeout();
        Assert.Contains("file too large", e.Message);
    }

    [Fact]
    public async Task Speech_as_streamed_24_khz_pcm_comes_out_as_16_khz_frames_of_the_same_duration()
    {
        var tone = SyntheticAudio.Tone(440, -12, 1000); // generated at 16 kHz...
        var at24k = AlignedResampling.Convert(tone, 16_000, 24_000); // ...and served as 24 kHz PCM like OpenAI's "pcm"
        var bytes = new byte[at24k.Length * 2];
        Buffer.BlockCopy(at24k, 0, bytes, 0, bytes.Length);
        await using var server = await LoopbackOpenAiServer.StartAsync(async (ctx, _) =>
        {
            ctx.Response.ContentType = "application/octet-stream";
            for (var i = 0; i < bytes.Length; i += 4801) // odd-sized pieces split samples across writes
            {
                await ctx.Response.Body.WriteAsync(bytes.AsMemory(i, Math.Min(4801, bytes.Length - i)));
                await ctx.Response.Body.FlushAsync();
            }
        });
        var tts = new OpenAiTextToSpeech(new HttpClient(), Options(server, "tts-1"), TimeProvider.System, NullLogger<OpenAiTextToSpeech>.Instance);
        var frames = new List<short[]>();
        await foreach (var f in tts.SynthesizeAsync("Hello", "en-US", default))
        {
            frames.Add(f);
        }

        Assert.All(frames, f => Assert.Equal(AudioFormat.SamplesPerFrame, f.Length));
        Assert.InRange(frames.Count, 50, 51);
        var middle = frames.Skip(10).Take(30).SelectMany(f => f).ToArray();
        Assert.Equal(-12, SyntheticAudio.RmsDbfs(middle), 0.5);
        Assert.Contains("\"response_format\":\"pcm\"", Encoding.UTF8.GetString(server.Requests.Single().Body));
    }

    [Fact]
    public async Task Speech_as_wav_is_read_and_resampled()
    {
        var wav = WavFile.Write(SyntheticAudio.Tone(300, -20, 500), 22_050);
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => ctx.Response.Body.WriteAsync(wav).AsTask());
        var options = Options(server, "tts-1");
        options.ResponseFormat = "wav";
        var tts = new OpenAiTextToSpeech(new HttpClient(), options, TimeProvider.System, NullLogger<OpenAiTextToSpeech>.Instance);
        var count = 0;
        await foreach (var _ in tts.SynthesizeAsync("Hi", "en-US", default))
        {
            count++;
        }
        // 500 ms of samples declared as 22.05 kHz is 363 ms: 18.1 frames → 19 with the padded tail.
        Assert.Equal(19, count);
    }

    [Fact]
    public async Task Speech_server_error_is_retried_then_reported()
    {
        await using var server = await LoopbackOpenAiServer.StartAsync((ctx, _) => LoopbackOpenAiServer.WriteErrorAsync(ctx, 500, "boom"));
        var options = Options(server, "tts-1");
        options.MaxRetries = 2;
        var tts = new OpenAiTextToSpeech(new HttpClient(), options, TimeProvider.System, NullLogger<OpenAiTextToSpeech>.Instance);
        await Assert.ThrowsAsync<ProviderException>(async () =>
        {
            await foreach (var _ in tts.SynthesizeAsync("Hi", "en-US", default))
            {
            }
        }).DefaultTimeout();
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public void Options_ToString_never_shows_the_key()
    {
        var options = new OpenAiOptions { BaseUrl = "http://x/v1", ApiKey = "secret-" + Guid.NewGuid(), Model = "m" };
        Assert.DoesNotContain(options.ApiKey, options.ToString());
    }
}
