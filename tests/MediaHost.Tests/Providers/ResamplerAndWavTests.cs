using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Tests.Agent;

namespace VoiceFunctions.MediaHost.Tests.Providers;

public sealed class ResamplerAndWavTests
{
    [Fact]
    public void Resampling_22050_to_16000_keeps_duration_and_level_of_a_tone()
    {
        var tone = AlignedResampling.Convert(SyntheticAudio.Tone(500, -20, 1000), 16_000, 22_050);
        var back = AlignedResampling.Convert(tone, 22_050, 16_000);
        Assert.InRange(back.Length, 15_990, 16_010);
        Assert.Equal(-20, SyntheticAudio.RmsDbfs(back.AsSpan(1000, 14_000)), 0.3);
    }

    [Fact]
    public void Resampling_removes_content_above_the_new_nyquist_frequency()
    {
        // A 10 kHz tone at 22.05 kHz cannot exist at 16 kHz: it must not fold back as a 6 kHz alias.
        var tone = SyntheticAudioAt(22_050, 10_000, -20, 1000);
        var down = AlignedResampling.Convert(tone, 22_050, 16_000);
        Assert.True(SyntheticAudio.RmsDbfs(down.AsSpan(1000, 14_000)) < -45);
    }

    [Fact]
    public void Streaming_in_odd_pieces_gives_the_same_samples_as_one_call()
    {
        var input = SyntheticAudio.Voice(-20, 500);
        var whole = AlignedResampling.Convert(input, 24_000, 16_000);
        var resampler = new AlignedResampling(24_000, 16_000);
        var pieces = new List<short>();
        for (var i = 0; i < input.Length; i += 77)
        {
            resampler.Process(input.AsSpan(i, Math.Min(77, input.Length - i)), pieces);
        }
        resampler.Flush(pieces);
        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void Wav_round_trip_and_streamed_wav_with_placeholder_size()
    {
        var samples = SyntheticAudio.Tone(300, -10, 100);
        var wav = WavFile.Write(samples, 22_050);
        var (read, rate) = WavFile.Read(wav);
        Assert.Equal(22_050, rate);
        Assert.Equal(samples, read);
        // espeak-ng --stdout writes 0xFFFFFFFF-ish sizes it cannot know in advance.
        BitConverter.GetBytes(uint.MaxValue).CopyTo(wav, 40);
        Assert.Equal(samples, WavFile.Read(wav).Samples);
    }

    [Theory]
    [InlineData("not a wav file at all", "RIFF")]
    public void Garbage_is_not_a_wav(string text, string expectedInMessage)
    {
        var e = Assert.Throws<FormatException>(() => WavFile.Read(System.Text.Encoding.ASCII.GetBytes(text)));
        Assert.Contains(expectedInMessage, e.Message);
    }

    private static short[] SyntheticAudioAt(int rate, double hz, double dbfs, int ms)
    {
        var n = rate * ms / 1000;
        var amp = 32768 * Math.Pow(10, dbfs / 20) * Math.Sqrt(2);
        return Enumerable.Range(0, n).Select(i => (short)(amp * Math.Sin(2 * Math.PI * hz * i / rate))).ToArray();
    }
}
