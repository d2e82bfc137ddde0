namespace VoiceFunctions.MediaHost.Outbound.Amd;

/// <summary>
/// Finds a voicemail beep: a steady pure tone. Per 20 ms frame it estimates the frequency from zero crossings, then
/// measures with a Goertzel filter at that frequency how much of the frame's energy lies in that one tone. Speech
/// spreads its energy over harmonics and formants; a beep puts nearly all of it in one frequency, and keeps it there.
/// No allocation per frame.
/// </summary>
public sealed class ToneDetector(int sampleRate, int requiredFrames)
{
    /// <summary>The share of the frame's energy in the single tone for the frame to count as tonal.</summary>
    public const double TonalShare = 0.6;

    private int _tonalFrames;
    private double _lastFrequency;

    /// <summary>Feeds one frame; true once a tone between 300 and 2500 Hz has lasted <c>requiredFrames</c> frames.</summary>
    public bool Feed(ReadOnlySpan<short> frame, double energy)
    {
        var frequency = ZeroCrossingFrequency(frame);
        var tonal = energy > 0 && frequency is >= 300 and <= 2500
            && TonePower(frame, frequency) * 2 / ((double)frame.Length * frame.Length * energy) >= TonalShare
            && (_tonalFrames == 0 || Math.Abs(frequency - _lastFrequency) < 40);
        _tonalFrames = tonal ? _tonalFrames + 1 : 0;
        _lastFrequency = frequency;
        return _tonalFrames >= requiredFrames;
    }

    private double ZeroCrossingFrequency(ReadOnlySpan<short> frame)
    {
        var crossings = 0;
        for (var i = 1; i < frame.Length; i++)
        {
            if ((frame[i - 1] < 0) != (frame[i] < 0))
            {
                crossings++;
            }
        }
        return crossings * sampleRate / (2.0 * frame.Length);
    }

    /// <summary>
    /// |X(f)|² near the estimated frequency: the zero-crossing estimate is off by up to a quarter of a bin, so the
    /// filter is also tried a quarter bin either side and the largest kept. For a pure tone 2|X|²/(N² · mean square) ≈ 1.
    /// </summary>
    private double TonePower(ReadOnlySpan<short> frame, double frequency)
    {
        var quarterBin = sampleRate / (4.0 * frame.Length);
        return Math.Max(Goertzel(frame, frequency), Math.Max(Goertzel(frame, frequency - quarterBin), Goertzel(frame, frequency + quarterBin)));
    }

    private double Goertzel(ReadOnlySpan<short> frame, double frequency)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0, s2 = 0;
        foreach (var sample in frame)
        {
            var s0 = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }
}
