using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>Test audio generated in code: tones, noise and silence at a given level, cut into 20 ms frames.</summary>
internal static class SyntheticAudio
{
    public static short[] Tone(double hz, double dbfs, int milliseconds, double phase = 0)
    {
        var n = AudioFormat.SampleRate * milliseconds / 1000;
        var amplitude = 32768 * Math.Pow(10, dbfs / 20) * Math.Sqrt(2); // RMS of a sine is peak/√2
        var samples = new short[n];
        for (var i = 0; i < n; i++)
        {
            samples[i] = Clip(amplitude * Math.Sin(phase + 2 * Math.PI * hz * i / AudioFormat.SampleRate));
        }
        return samples;
    }

    /// <summary>Voice-like sound: a 140 Hz fundamental with harmonics, a little amplitude wobble.</summary>
    public static short[] Voice(double dbfs, int milliseconds)
    {
        var n = AudioFormat.SampleRate * milliseconds / 1000;
        var raw = new double[n];
        double sumSq = 0;
        for (var i = 0; i < n; i++)
        {
            var t = (double)i / AudioFormat.SampleRate;
            var v = 0.0;
            for (var h = 1; h <= 6; h++)
            {
                v += Math.Sin(2 * Math.PI * 140 * h * t) / h;
            }
            v *= 0.8 + 0.2 * Math.Sin(2 * Math.PI * 4 * t);
            raw[i] = v;
            sumSq += v * v;
        }
        var scale = 32768 * Math.Pow(10, dbfs / 20) / Math.Sqrt(sumSq / Math.Max(1, n));
        return raw.Select(v => Clip(v * scale)).ToArray();
    }

    public static short[] WhiteNoise(double dbfs, int milliseconds, int seed = 1)
    {
        var n = AudioFormat.SampleRate * milliseconds / 1000;
        var random = new Random(seed);
        var rms = 32768 * Math.Pow(10, dbfs / 20);
        var samples = new short[n];
        for (var i = 0; i < n; i++)
        {
            // Uniform in [-1, 1) has RMS 1/√3.
            samples[i] = Clip((random.NextDouble() * 2 - 1) * Math.Sqrt(3) * rms);
        }
        return samples;
    }

    public static short[] Silence(int milliseconds) => new short[AudioFormat.SampleRate * milliseconds / 1000];

    public static short[] Concat(params short[][] parts) => parts.SelectMany(p => p).ToArray();

    public static IEnumerable<short[]> Frames(short[] samples)
    {
        for (var offset = 0; offset + AudioFormat.SamplesPerFrame <= samples.Length; offset += AudioFormat.SamplesPerFrame)
        {
            yield return samples.AsSpan(offset, AudioFormat.SamplesPerFrame).ToArray();
        }
    }

    public static double RmsDbfs(ReadOnlySpan<short> samples) => VoiceFunctions.MediaHost.Agent.EnergyVoiceActivityDetector.LevelDbfs(samples);

    private static short Clip(double v) => (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue);
}
