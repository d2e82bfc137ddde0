using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>Two short 440 Hz beeps (−20 dBFS): the last resort when no phrase can be synthesised, so the line is never silent.</summary>
internal static class AttentionTone
{
    public static readonly short[][] Frames = Build();

    private static short[][] Build()
    {
        var frames = new List<short[]>();
        for (var f = 0; f < 30; f++)
        {
            var frame = new short[AudioFormat.SamplesPerFrame];
            var on = f is < 10 or >= 20; // beep, pause, beep: 200 ms each
            for (var i = 0; on && i < frame.Length; i++)
            {
                var t = (double)(f * AudioFormat.SamplesPerFrame + i) / AudioFormat.SampleRate;
                frame[i] = (short)(3276 * Math.Sin(2 * Math.PI * 440 * t));
            }
            frames.Add(frame);
        }
        return frames.ToArray();
    }
}
