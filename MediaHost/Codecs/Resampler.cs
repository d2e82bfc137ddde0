namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// Streaming sample-rate converter for rational ratios (8, 16, 24, 48 kHz and any others with a small
/// common divisor): a polyphase FIR whose prototype is a Kaiser-windowed sinc low-pass at the lower of the
/// two Nyquist frequencies. Design: passband flat to 0.85 × the lower Nyquist, stopband from 1.0 × it,
/// 70 dB design attenuation, so downsampling does not alias and upsampling leaves no images.
/// Stateful across calls (one per stream); allocates only in the constructor.
/// </summary>
public sealed class Resampler
{
    private const double PassbandEdge = 0.85;
    private const double StopbandEdge = 1.0;
    private const double AttenuationDb = 70;
    private const int ChunkSamples = 2048;
    // 512 phases cover the TTS rates too (22.05 kHz ↔ 16 kHz is 320/441): at most a few hundred kB of taps, built once per stream.
    private const int MaxPhases = 512;

    private readonly int _up;         // L: the intermediate rate is input × L
    private readonly int _down;       // M: ... and output × M
    private readonly int _tapsPerPhase;
    private readonly float[] _phases; // phase p, tap k stored reversed at [p * _tapsPerPhase + (T - 1 - k)] = h[p + k L] × L
    private readonly float[] _buffer; // (taps - 1) samples of history, then the current chunk
    private readonly int _halfLength; // the prototype's group delay, in samples of the intermediate rate
    private int _nextPosition;        // the next output's index in the intermediate rate, relative to the chunk

    public Resampler(int inputRate, int outputRate)
    {
        if (inputRate <= 0 || outputRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputRate), "Sample rates must be positive.");
        }
        InputRate = inputRate;
        OutputRate = outputRate;
        var divisor = Gcd(inputRate, outputRate);
        _up = outputRate / divisor;
        _down = inputRate / divisor;
        if (_up > MaxPhases || _down > MaxPhases)
        {
            throw new ArgumentException($"The ratio {outputRate}/{inputRate} needs too many filter phases; use rates with a larger common divisor.");
        }

        var prototype = DesignPrototype(inputRate, outputRate, _up);
        _halfLength = (prototype.Length - 1) / 2;
        _tapsPerPhase = (prototype.Length + _up - 1) / _up;
        _phases = new float[_up * _tapsPerPhase];
        for (var p = 0; p < _up; p++)
        {
            for (var k = 0; k < _tapsPerPhase; k++)
            {
                var index = p + k * _up;
                // Reversed, so each output is a dot product of two contiguous spans (vectorised below).
                _phases[p * _tapsPerPhase + (_tapsPerPhase - 1 - k)] = index < prototype.Length ? (float)(prototype[index] * _up) : 0f;
            }
        }
        _buffer = new float[_tapsPerPhase - 1 + ChunkSamples];
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>
    /// How to take the filter's delay out exactly (it is rarely a whole number of output samples): feed
    /// <c>PadInput</c> zero samples first, then drop the first <c>DropOutput</c> output samples.
    /// </summary>
    public (int PadInput, int DropOutput) DelayCompensation()
    {
        for (var pad = 0; pad < _down; pad++)
        {
            var delay = _halfLength + pad * _up; // in samples of the intermediate rate
            if (delay % _down == 0)
            {
                return (pad, delay / _down);
            }
        }
        return (0, _halfLength / _down); // unreachable: L and M are coprime, so some pad fits
    }

    /// <summary>How many output samples <paramref name="inputSamples"/> can produce at most.</summary>
    public int MaxOutputFor(int inputSamples) => (int)(((long)inputSamples * _up + _down - 1) / _down) + 1;

    /// <summary>Converts <paramref name="input"/>; returns the number of samples written to <paramref name="output"/>.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (output.Length < MaxOutputFor(input.Length) - 1)
        {
            throw new ArgumentException("The output span is too short for this input.", nameof(output));
        }
        var written = 0;
        while (!input.IsEmpty)
        {
            var chunk = input[..Math.Min(input.Length, ChunkSamples)];
            written += ProcessChunk(chunk, output[written..]);
            input = input[chunk.Length..];
        }
        return written;
    }

    private int ProcessChunk(ReadOnlySpan<short> chunk, Span<short> output)
    {
        var history = _tapsPerPhase - 1;
        var buffer = _buffer.AsSpan();
        for (var i = 0; i < chunk.Length; i++)
        {
            buffer[history + i] = chunk[i];
        }

        var written = 0;
        var limit = chunk.Length * _up;
        var phases = _phases.AsSpan();
        while (_nextPosition < limit)
        {
            var newest = _nextPosition / _up;          // index in the chunk of the newest input sample used
            var phase = _nextPosition - newest * _up;
            var taps = phases.Slice(phase * _tapsPerPhase, _tapsPerPhase);
            var samples = buffer.Slice(newest, _tapsPerPhase); // oldest .. newest input sample this output uses
            var sum = Dot(taps, samples);
            output[written++] = (short)Math.Clamp(MathF.Round(sum), short.MinValue, short.MaxValue);
            _nextPosition += _down;
        }
        _nextPosition -= limit;

        // Keep the newest (taps - 1) samples as the next chunk's history.
        buffer.Slice(chunk.Length, history).CopyTo(buffer);
        return written;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var width = System.Numerics.Vector<float>.Count;
        var acc = System.Numerics.Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            acc += new System.Numerics.Vector<float>(a[i..]) * new System.Numerics.Vector<float>(b[i..]);
        }
        var sum = System.Numerics.Vector.Sum(acc);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double[] DesignPrototype(int inputRate, int outputRate, int up)
    {
        var intermediateRate = (double)inputRate * up;
        var lowerNyquist = Math.Min(inputRate, outputRate) / 2.0;
        var cutoff = (PassbandEdge + StopbandEdge) / 2 * lowerNyquist / intermediateRate;   // cycles per sample
        var transition = 2 * Math.PI * (StopbandEdge - PassbandEdge) * lowerNyquist / intermediateRate;
        var length = (int)Math.Ceiling((AttenuationDb - 8) / (2.285 * transition)) | 1;     // Kaiser's estimate, odd
        var beta = 0.1102 * (AttenuationDb - 8.7);
        var taps = new double[length];
        var middle = (length - 1) / 2.0;
        var norm = BesselI0(beta);
        for (var n = 0; n < length; n++)
        {
            var t = n - middle;
            var sinc = t == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            var ratio = t / middle;
            var window = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - ratio * ratio))) / norm;
            taps[n] = sinc * window;
        }
        // Unity DC gain (each phase is scaled by L later), so a constant input stays constant.
        var sum = taps.Sum();
        for (var n = 0; n < length; n++)
        {
            taps[n] /= sum;
        }
        return taps;
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 50; k++)
        {
            term *= x / (2 * k) * (x / (2 * k));
            sum += term;
            if (term < sum * 1e-16)
            {
                break;
            }
        }
        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
