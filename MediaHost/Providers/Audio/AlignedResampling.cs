using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// Provider audio (espeak-ng's 22.05 kHz, OpenAI's 24 kHz) to the loop's 16 kHz through the media path's
/// <see cref="Resampler"/>, with its filter delay taken out: the output starts with the input's first sample and has
/// exactly as many samples as the input's duration at the new rate, whether the input comes whole or in pieces.
/// </summary>
public sealed class AlignedResampling
{
    private readonly Resampler? _resampler; // null when the rates are equal
    private short[] _scratch = [];
    private int _skip;        // output samples still to drop: the filter's delay
    private long _inputCount;
    private long _outputCount;

    public AlignedResampling(int inputRate, int outputRate)
    {
        InputRate = inputRate;
        OutputRate = outputRate;
        if (inputRate != outputRate)
        {
            _resampler = new Resampler(inputRate, outputRate);
            (var pad, _skip) = _resampler.DelayCompensation();
            Run(new short[pad], [], long.MaxValue);
        }
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Converts <paramref name="input"/>, appending to <paramref name="output"/> every sample that can be computed so far.</summary>
    public void Process(ReadOnlySpan<short> input, List<short> output)
    {
        _inputCount += input.Length;
        if (_resampler is null)
        {
            output.AddRange(input);
            _outputCount += input.Length;
            return;
        }
        Run(input, output, limit: long.MaxValue);
    }

    /// <summary>Ends the stream: the filter's tail (the input followed by silence) up to the input's full duration.</summary>
    public void Flush(List<short> output)
    {
        if (_resampler is null)
        {
            return;
        }
        var expected = _inputCount * OutputRate / InputRate;
        Span<short> silence = stackalloc short[256];
        silence.Clear();
        while (_outputCount < expected)
        {
            Run(silence, output, expected);
        }
    }

    /// <summary>Converts a whole buffer at once.</summary>
    public static short[] Convert(ReadOnlySpan<short> input, int inputRate, int outputRate)
    {
        var resampling = new AlignedResampling(inputRate, outputRate);
        var output = new List<short>((int)((long)input.Length * outputRate / inputRate) + 1);
        resampling.Process(input, output);
        resampling.Flush(output);
        return output.ToArray();
    }

    private void Run(ReadOnlySpan<short> input, List<short> output, long limit)
    {
        var needed = _resampler!.MaxOutputFor(input.Length);
        if (_scratch.Length < needed)
        {
            _scratch = new short[needed];
        }
        var written = _resampler.Process(input, _scratch);
        var from = Math.Min(_skip, written);
        _skip -= from;
        var take = (int)Math.Min(written - from, limit - _outputCount);
        output.AddRange(_scratch.AsSpan(from, take));
        _outputCount += take;
    }
}
