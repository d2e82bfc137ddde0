using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.MediaHost.Tests.Codecs;

public class ResamplerTests
{
    /// <summary>Gain anywhere in the passband (up to 0.85 × the lower Nyquist) stays within this many dB of 0.</summary>
    private const double PassbandToleranceDb = 0.1;

    /// <summary>Tones above the lower Nyquist (aliases when downsampling, images when upsampling) are at least this far down.</summary>
    private const double MinStopbandAttenuationDb = 60;

    public static TheoryData<int, int> RatePairs()
    {
        var data = new TheoryData<int, int>();
        int[] rates = [8000, 16000, 24000, 48000];
        foreach (var from in rates)
        {
            foreach (var to in rates)
            {
                if (from != to) data.Add(from, to);
            }
        }
        return data;
    }

    private static short[] Run(Resampler resampler, short[] input, int frameMs = 20)
    {
        var frame = resampler.InputRate * frameMs / 1000;
        var output = new List<short>();
        var buffer = new short[resampler.MaxOutputFor(frame)];
        for (var offset = 0; offset + frame <= input.Length; offset += frame)
        {
            var n = resampler.Process(input.AsSpan(offset, frame), buffer);
            Assert.Equal(resampler.OutputRate * frameMs / 1000, n);
            output.AddRange(buffer.AsSpan(0, n).ToArray());
        }
        return output.ToArray();
    }

    [Theory]
    [MemberData(nameof(RatePairs))]
    public void Passband_is_flat_within_the_stated_tolerance(int from, int to)
    {
        var edge = 0.85 * Math.Min(from, to) / 2;
        foreach (var frequency in new[] { 100.0, 1000, edge / 2, edge * 0.9, edge })
        {
            var resampler = new Resampler(from, to);
            var output = Run(resampler, ToneAnalysis.Tone(frequency, from, from / 2, 16000));
            var fit = ToneAnalysis.Fit(output.AsSpan(to / 10), frequency, to);
            var gainDb = 20 * Math.Log10(fit.Amplitude / 16000);
            Assert.True(Math.Abs(gainDb) <= PassbandToleranceDb, $"{from}->{to} at {frequency:F0} Hz: gain {gainDb:F3} dB");
        }
    }

    [Theory]
    [MemberData(nameof(RatePairs))]
    public void Stopband_is_attenuated_by_at_least_the_stated_amount(int from, int to)
    {
        var resampler = new Resampler(from, to);
        if (from > to)
        {
            // Downsampling: input tones between the output's Nyquist and the input's must not alias back.
            var nyquist = to / 2.0;
            foreach (var frequency in new[] { nyquist * 1.02, nyquist * 1.3, Math.Min(nyquist * 2.5, from / 2.0 * 0.95) })
            {
                var output = Run(new Resampler(from, to), ToneAnalysis.Tone(frequency, from, from / 2, 16000));
                var rms = ToneAnalysis.Rms(output.AsSpan(to / 10));
                var attenuationDb = 20 * Math.Log10(16000 / Math.Sqrt(2) / Math.Max(rms, 1e-3));
                Assert.True(attenuationDb >= MinStopbandAttenuationDb, $"{from}->{to} at {frequency:F0} Hz: only {attenuationDb:F1} dB");
            }
        }
        else
        {
            // Upsampling: a passband tone must come out without images above the input's Nyquist.
            var output = Run(resampler, ToneAnalysis.Tone(1000, from, from / 2, 16000));
            var fit = ToneAnalysis.Fit(output.AsSpan(to / 10), 1000, to);
            Assert.True(fit.SnrDb >= MinStopbandAttenuationDb, $"{from}->{to}: images/noise only {fit.SnrDb:F1} dB down");
        }
    }

    [Fact]
    public void Frames_of_any_size_give_the_same_output_as_one_block()
    {
        var input = ToneAnalysis.Tone(700, 16000, 3200, 12000);
        var whole = new short[new Resampler(16000, 48000).MaxOutputFor(input.Length)];
        var n = new Resampler(16000, 48000).Process(input, whole);
        var pieces = new List<short>();
        var r = new Resampler(16000, 48000);
        var buf = new short[r.MaxOutputFor(333)];
        for (var offset = 0; offset < input.Length; offset += 333)
        {
            var len = Math.Min(333, input.Length - offset);
            var m = r.Process(input.AsSpan(offset, len), buf);
            pieces.AddRange(buf.AsSpan(0, m).ToArray());
        }
        Assert.Equal(whole.AsSpan(0, n).ToArray(), pieces.ToArray());
    }
}
