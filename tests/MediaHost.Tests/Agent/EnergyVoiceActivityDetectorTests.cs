using VoiceFunctions.MediaHost.Agent;

namespace VoiceFunctions.MediaHost.Tests.Agent;

public sealed class EnergyVoiceActivityDetectorTests
{
    private static bool[] Classify(IVoiceActivityDetector vad, short[] audio) =>
        SyntheticAudio.Frames(audio).Select(f => vad.Process(f).IsSpeech).ToArray();

    [Fact]
    public void Digital_silence_and_quiet_line_noise_are_not_speech()
    {
        var vad = new EnergyVoiceActivityDetector(new VadOptions());
        var verdicts = Classify(vad, SyntheticAudio.Concat(SyntheticAudio.Silence(500), SyntheticAudio.WhiteNoise(-65, 1000)));
        Assert.DoesNotContain(true, verdicts);
    }

    [Fact]
    public void Voice_above_the_noise_floor_is_speech_from_its_first_frame()
    {
        var vad = new EnergyVoiceActivityDetector(new VadOptions());
        Classify(vad, SyntheticAudio.WhiteNoise(-60, 1000));
        var verdicts = Classify(vad, SyntheticAudio.Voice(-25, 400));
        Assert.All(verdicts, Assert.True);
    }

    [Fact]
    public void Loud_hiss_is_rejected_by_its_zero_crossing_rate()
    {
        var vad = new EnergyVoiceActivityDetector(new VadOptions());
        var verdicts = Classify(vad, SyntheticAudio.WhiteNoise(-20, 600));
        Assert.DoesNotContain(true, verdicts);
    }

    [Fact]
    public void A_steady_hum_is_learnt_as_background_within_five_seconds()
    {
        var vad = new EnergyVoiceActivityDetector(new VadOptions());
        var verdicts = Classify(vad, SyntheticAudio.Tone(100, -35, 8000));
        Assert.True(verdicts[0], "a new loud hum first looks like speech");
        Assert.DoesNotContain(true, verdicts.Skip(250));
    }

    [Fact]
    public void After_a_noisy_stretch_the_floor_falls_back_and_quiet_speech_is_heard_again()
    {
        var vad = new EnergyVoiceActivityDetector(new VadOptions());
        Classify(vad, SyntheticAudio.Tone(100, -30, 8000)); // floor learnt high
        Classify(vad, SyntheticAudio.WhiteNoise(-70, 500)); // the hum stops
        var verdicts = Classify(vad, SyntheticAudio.Voice(-40, 200));
        Assert.All(verdicts, Assert.True);
        Assert.True(vad.NoiseFloorDbfs < -55, $"floor {vad.NoiseFloorDbfs:F1} dBFS");
    }

    [Fact]
    public void Reset_forgets_the_learnt_floor()
    {
        var options = new VadOptions();
        var vad = new EnergyVoiceActivityDetector(options);
        Classify(vad, SyntheticAudio.Tone(100, -30, 8000));
        vad.Reset();
        Assert.Equal(options.InitialNoiseFloorDbfs, vad.NoiseFloorDbfs);
    }

    [Fact]
    public void Level_of_a_sine_is_its_rms_in_dbfs()
    {
        Assert.Equal(-20, EnergyVoiceActivityDetector.LevelDbfs(SyntheticAudio.Tone(440, -20, 20)), 1);
        Assert.Equal(-96, EnergyVoiceActivityDetector.LevelDbfs(SyntheticAudio.Silence(20)));
    }
}
