using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent.Vad;

/// <summary>The Silero VAD model (from the npm package @livekit/agents-plugin-silero) on ONNX Runtime.</summary>
public sealed class SileroVoiceActivityDetectorTests
{
    [SkippableFact]
    public async Task Speech_is_heard_by_the_model()
    {
        using var factory = Factory();
        var speech = await OfflineRecognition.SpeakAsync("Hello, I would like to know your opening hours, please.", new SyntheticVoice("en-us", 150));
        var detector = (SileroVoiceActivityDetector)factory.Create();

        var verdicts = Run(detector, speech);

        // espeak-ng's speech, between the 200 ms of silence either side, is mostly voiced.
        Assert.True(verdicts.Speech > 0.6 * verdicts.Frames, $"{verdicts.Speech} of {verdicts.Frames} frames were speech");
        Assert.True(detector.WindowsRun > 0);
    }

    [SkippableFact]
    public void Loud_noise_opens_the_energy_gate_but_the_model_says_it_is_not_speech()
    {
        using var factory = Factory();
        var detector = (SileroVoiceActivityDetector)factory.Create();
        var random = new Random(7);
        // 300 ms of quiet line noise for the floor, then 2 s of hiss 30 dB louder.
        var noise = Enumerable.Range(0, 16_000 * 23 / 10).Select(i => (short)(random.Next(-1, 2) * (i < 4_800 ? 30 : 1_000) * random.NextDouble())).ToArray();

        var verdicts = Run(detector, noise);

        Assert.True(detector.WindowsRun > 20, $"the model ran {detector.WindowsRun} windows");
        Assert.True(verdicts.Speech <= verdicts.Frames / 20, $"{verdicts.Speech} of {verdicts.Frames} noise frames were speech");
    }

    [SkippableFact]
    public void Silence_never_runs_the_model()
    {
        using var factory = Factory();
        var detector = (SileroVoiceActivityDetector)factory.Create();

        var verdicts = Run(detector, new short[16_000 * 3]);

        Assert.Equal(0, verdicts.Speech);
        Assert.Equal(0, detector.WindowsRun);
    }

    [SkippableFact]
    public async Task The_same_audio_gives_the_same_verdicts_after_reset_because_the_state_is_cleared()
    {
        using var factory = Factory();
        var speech = await OfflineRecognition.SpeakAsync("Operator, please.", new SyntheticVoice("en-gb", 175));
        var detector = (SileroVoiceActivityDetector)factory.Create();

        var first = Probabilities(detector, speech);
        detector.Reset();
        var second = Probabilities(detector, speech);

        Assert.Equal(first, second);
        Assert.Contains(first, p => p > 0.5f);
    }

    [Fact]
    public void Without_the_model_file_the_energy_detector_is_used_with_a_warning()
    {
        var logger = new RecordingLogger();

        using var factory = new SileroVadFactory(new SileroVadOptions { ModelPath = "/nonexistent/silero_vad.onnx" }, new VadOptions(), logger);

        Assert.IsType<EnergyVoiceActivityDetector>(factory.Create());
        Assert.Contains(logger.Warnings, w => w.Contains("/nonexistent/silero_vad.onnx", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_an_onnx_model_fails_at_start_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vf-not-a-model-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(path, "this is not a model");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => new SileroVadFactory(new SileroVadOptions { ModelPath = path }, new VadOptions(), NullLogger<SileroVadFactory>.Instance));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static string ModelPath() =>
        Path.Combine(RequiredTool.NodePackage("@livekit/agents-plugin-silero"), "dist", "silero_vad.onnx");

    private static SileroVadFactory Factory() =>
        new(new SileroVadOptions { ModelPath = ModelPath() }, new VadOptions(), NullLogger<SileroVadFactory>.Instance);

    private static (int Frames, int Speech) Run(IVoiceActivityDetector detector, short[] audio)
    {
        var frames = 0;
        var speech = 0;
        for (var offset = 0; offset + 320 <= audio.Length; offset += 320, frames++)
        {
            speech += detector.Process(audio.AsSpan(offset, 320)).IsSpeech ? 1 : 0;
        }
        return (frames, speech);
    }

    private static List<float> Probabilities(SileroVoiceActivityDetector detector, short[] audio)
    {
        var probabilities = new List<float>();
        for (var offset = 0; offset + 320 <= audio.Length; offset += 320)
        {
            detector.Process(audio.AsSpan(offset, 320));
            probabilities.Add(detector.LastProbability);
        }
        return probabilities;
    }

    private sealed class RecordingLogger : ILogger<SileroVadFactory>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
