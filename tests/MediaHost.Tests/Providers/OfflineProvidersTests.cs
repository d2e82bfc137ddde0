using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers;

public sealed class OfflineProvidersTests
{
    internal static async Task<short[]> SpeakAsync(ITextToSpeech tts, string text, string language, CancellationToken cancellationToken = default)
    {
        var samples = new List<short>();
        await foreach (var frame in tts.SynthesizeAsync(text, language, cancellationToken))
        {
            Assert.Equal(AudioFormat.SamplesPerFrame, frame.Length);
            samples.AddRange(frame);
        }
        return samples.ToArray();
    }

    [SkippableTheory]
    [InlineData("Здравствуйте, чем могу помочь?", "ru-RU")]
    [InlineData("Hello, how can I help you?", "en-US")]
    public async Task Espeak_speaks_russian_and_english_as_16_khz_frames(string text, string language)
    {
        RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
        var samples = await SpeakAsync(new EspeakTextToSpeech(new EspeakOptions()), text, language).DefaultTimeout();
        var seconds = samples.Length / 16_000.0;
        Assert.InRange(seconds, 1.0, 5.0);
        Assert.True(SyntheticAudioLevel(samples) > -35, "audible speech");
    }

    [SkippableFact]
    public async Task A_tool_that_exits_with_an_error_is_a_provider_exception()
    {
        var tts = new EspeakTextToSpeech(new EspeakOptions { Command = RequiredTool.Command("false", "coreutils") });
        var e = await Assert.ThrowsAsync<ProviderException>(() => SpeakAsync(tts, "Hello", "en-US")).DefaultTimeout();
        Assert.Contains("exited with 1", e.Message);
    }

    [Fact]
    public async Task A_missing_tool_is_a_clear_provider_exception()
    {
        var tts = new EspeakTextToSpeech(new EspeakOptions { Command = "/nonexistent/espeak-ng" });
        var e = await Assert.ThrowsAsync<ProviderException>(() => SpeakAsync(tts, "Hello", "en-US")).DefaultTimeout();
        Assert.Contains("is it installed", e.Message);
    }

    [SkippableFact]
    public async Task Pocketsphinx_recognises_an_english_question_spoken_by_espeak()
    {
        RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
        RequiredTool.Command("pocketsphinx_continuous", "scripts/install-test-deps.sh (Debian pocketsphinx, pocketsphinx-en-us)");
        var speech = await SpeakAsync(new EspeakTextToSpeech(new EspeakOptions()), "What are your opening hours?", "en-US");
        var stt = new PocketsphinxSpeechToText(new PocketsphinxOptions(), NullLogger<PocketsphinxSpeechToText>.Instance);
        var text = await stt.TranscribeAsync(speech, "en-US", null, default).DefaultTimeout();
        Assert.Contains("opening", text);
    }

    [SkippableFact]
    public async Task Pocketsphinx_returns_empty_text_for_silence()
    {
        RequiredTool.Command("pocketsphinx_continuous", "scripts/install-test-deps.sh (Debian pocketsphinx, pocketsphinx-en-us)");
        var stt = new PocketsphinxSpeechToText(new PocketsphinxOptions(), NullLogger<PocketsphinxSpeechToText>.Instance);
        Assert.Equal("", await stt.TranscribeAsync(new short[16_000], "en-US", null, default).DefaultTimeout());
    }

    [SkippableFact]
    public async Task Cancelling_synthesis_kills_the_process_and_throws_cancellation()
    {
        RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var tts = new EspeakTextToSpeech(new EspeakOptions());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SpeakAsync(tts, string.Join(' ', Enumerable.Repeat("long text", 200)), "en-US", cts.Token)).DefaultTimeout();
    }

    private static double SyntheticAudioLevel(short[] samples) => EnergyLevel(samples);

    private static double EnergyLevel(short[] samples) => VoiceFunctions.MediaHost.Agent.EnergyVoiceActivityDetector.LevelDbfs(samples);
}
