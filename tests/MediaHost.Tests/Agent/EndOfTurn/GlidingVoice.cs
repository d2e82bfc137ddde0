using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Agent.EndOfTurn;

/// <summary>A synthetic voiced sound whose pitch glides from one frequency to another (harmonics 1–8 at 1/k, like a
/// glottal source) and whose level can fade at the end: the contours of a sentence's end, with no words.</summary>
internal static class GlidingVoice
{
    public static short[] Glide(double fromHz, double toHz, int milliseconds, double dbfs = -20, double fadeDb = 0)
    {
        var count = AudioFormat.SampleRate * milliseconds / 1000;
        var samples = new short[count];
        var peak = 32767 * Math.Pow(10, dbfs / 20) / 2.7; // the harmonics' sum reaches about 2.7 times the fundamental
        var phase = 0.0;
        for (var i = 0; i < count; i++)
        {
            var t = (double)i / count;
            var hz = fromHz * Math.Pow(toHz / fromHz, t); // a glide even in semitones
            phase += 2 * Math.PI * hz / AudioFormat.SampleRate;
            var value = 0.0;
            for (var k = 1; k <= 8; k++)
            {
                value += Math.Sin(k * phase) / k;
            }
            var gain = Math.Pow(10, -fadeDb * Math.Max(0, (t - 0.7) / 0.3) / 20); // the last 30 % fades by fadeDb
            samples[i] = (short)Math.Clamp(value * peak * gain, short.MinValue, short.MaxValue);
        }
        return samples;
    }
}
