using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Tests.Providers;

public sealed class AlignedResamplingTests
{
    private static short[] Tone(int rate, double hz, int ms) =>
        Enumerable.Range(0, rate * ms / 1000).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * hz * i / rate))).ToArray();

    [Theory]
    [InlineData(22_050)] // espeak-ng
    [InlineData(24_000)] // OpenAI pcm
    public void The_filter_delay_is_taken_out_so_a_tone_lines_up_with_the_same_tone_made_at_16_kHz(int rate)
    {
        var converted = AlignedResampling.Convert(Tone(rate, 3000, 500), rate, 16_000);
        var expected = Tone(16_000, 3000, 500);
        Assert.Equal(expected.Length, converted.Length);
        double signal = 0, error = 0;
        for (var i = 200; i < expected.Length - 200; i++) // away from the edges, where the filter sees silence
        {
            signal += (double)expected[i] * expected[i];
            error += (double)(converted[i] - expected[i]) * (converted[i] - expected[i]);
        }
        // A misalignment of a fifth of a sample would leave about 15 dB at 3 kHz; aligned, only the filter's ripple remains.
        Assert.True(10 * Math.Log10(signal / error) > 35, $"SNR {10 * Math.Log10(signal / error):F1} dB");
    }
}
