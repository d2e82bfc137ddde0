namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Streaming sample-rate converter (windowed-sinc, Hann window, 16 taps each side) for TTS output:
/// 22.05 kHz (espeak-ng) or 24 kHz (OpenAI PCM) down to the loop's 16 kHz. The low-pass cut-off follows the
/// lower of the two rates, so nothing above 8 kHz folds back into the band. Input may arrive in any pieces.
/// </summary>
public sealed class Resampler
{
    private const int HalfTaps = 16;
    private readonly double _step;
    private readonly double _cutoff;
    private readonly List<short> _input = [];
    private double _position; // next output sample's time, in input samples from the start of _input

    public Resampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        _step = (double)inputRate / outputRate;
        _cutoff = Math.Min(1.0, (double)outputRate / inputRate);
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Converts <paramref name="input"/>, appending to <paramref name="output"/> every sample that can be computed so far.</summary>
    public void Process(ReadOnlySpan<short> input, List<short> output)
    {
        if (InputRate == OutputRate)
        {
            foreach (var s in input)
            {
                output.Add(s);
            }
            return;
        }
        foreach (var s in input)
        {
            _input.Add(s);
        }
        Drain(output);
    }

    /// <summary>Ends the stream: computes the last samples, treating what follows as silence.</summary>
    public void Flush(List<short> output)
    {
        if (InputRate == OutputRate)
        {
            return;
        }
        var inputEnd = _input.Count;
        for (var i = 0; i < HalfTaps; i++)
        {
            _input.Add(0);
        }
        while (_position < inputEnd)
        {
            output.Add(Interpolate(_position));
            _position += _step;
        }
        _input.Clear();
        _position = 0;
    }

    /// <summary>Converts a whole buffer at once.</summary>
    public static short[] Convert(ReadOnlySpan<short> input, int inputRate, int outputRate)
    {
        var resampler = new Resampler(inputRate, outputRate);
        var output = new List<short>(input.Length * outputRate / inputRate + HalfTaps);
        resampler.Process(input, output);
        resampler.Flush(output);
        return output.ToArray();
    }

    private void Drain(List<short> output)
    {
        while (_position + HalfTaps < _input.Count)
        {
            output.Add(Interpolate(_position));
            _position += _step;
        }
        // Keep only the history the kernel still needs.
        var drop = (int)Math.Floor(_position) - HalfTaps;
        if (drop > 0)
        {
            _input.RemoveRange(0, drop);
            _position -= drop;
        }
    }

    private short Interpolate(double t)
    {
        var center = (int)Math.Floor(t);
        double sum = 0;
        for (var k = center - HalfTaps + 1; k <= center + HalfTaps; k++)
        {
            if (k < 0 || k >= _input.Count)
            {
                continue;
            }
            var x = t - k;
            sum += _input[k] * Kernel(x);
        }
        return (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
    }

    private double Kernel(double x)
    {
        if (Math.Abs(x) >= HalfTaps)
        {
            return 0;
        }
        var y = _cutoff * x;
        var sinc = Math.Abs(y) < 1e-9 ? 1.0 : Math.Sin(Math.PI * y) / (Math.PI * y);
        var window = 0.5 * (1 + Math.Cos(Math.PI * x / HalfTaps));
        return _cutoff * sinc * window;
    }
}
