namespace VoiceFunctions.TestSupport.LineSimulation;

/// <summary>
/// The caller's side of a phone line, frame by frame: what the MediaHost receives is the echo of what it sent (delayed,
/// attenuated, dispersed, mildly clipped, along a path that may change mid-call) plus the caller's own voice plus noise.
/// Pure code; one instance per simulated call.
/// </summary>
public sealed class LineSimulator
{
    private readonly float[] _history;
    private int _written;
    private EchoPathSettings _path;
    private float[] _taps;
    private readonly int _maxDelaySamples;

    /// <param name="path">The echo path at the start of the call.</param>
    /// <param name="maxDelayMs">The longest delay any path of this call will have (sizes the history).</param>
    public LineSimulator(EchoPathSettings path, int maxDelayMs = 400)
    {
        _maxDelaySamples = maxDelayMs * EchoPathSettings.SampleRate / 1000;
        _history = new float[_maxDelaySamples + EchoPathSettings.DispersionTaps + 4096];
        _path = path;
        _taps = path.ImpulseResponse();
        Check(path);
    }

    public EchoPathSettings Path => _path;

    /// <summary>Switches to another echo path from the next sample on (a transfer, a handset picked up, a new route).</summary>
    public void ChangePath(EchoPathSettings path)
    {
        Check(path);
        _path = path;
        _taps = path.ImpulseResponse();
    }

    /// <summary>
    /// Produces one received frame: echo of <paramref name="sent"/> plus <paramref name="caller"/> plus <paramref name="noise"/>
    /// (either may be empty for silence), saturated to 16 bits as a codec would.
    /// </summary>
    public void Process(ReadOnlySpan<short> sent, ReadOnlySpan<short> caller, ReadOnlySpan<short> noise, Span<short> received)
    {
        var clip = (float)(_path.ClipFraction * short.MaxValue);
        var delay = _path.DelaySamples;
        for (var i = 0; i < received.Length; i++)
        {
            var x = i < sent.Length ? sent[i] : 0f;
            // A soft clip: linear for quiet speech, saturating smoothly towards the clip level on peaks.
            _history[_written % _history.Length] = _path.ClipFraction >= 1 ? x : clip * MathF.Tanh(x / clip);
            double echo = 0;
            for (var k = 0; k < _taps.Length; k++)
            {
                var index = _written - delay - k;
                if (index >= 0)
                {
                    echo += _taps[k] * _history[index % _history.Length];
                }
            }
            _written++;
            var sum = echo + (i < caller.Length ? caller[i] : 0) + (i < noise.Length ? noise[i] : 0);
            received[i] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }
    }

    /// <summary>Runs whole signals through the line, frame by frame, optionally changing the path at a given sample.</summary>
    public short[] Run(short[] sent, short[]? caller = null, short[]? noise = null, int frameSamples = 320)
    {
        var received = new short[sent.Length];
        for (var offset = 0; offset + frameSamples <= sent.Length; offset += frameSamples)
        {
            Process(sent.AsSpan(offset, frameSamples), Slice(caller, offset, frameSamples), Slice(noise, offset, frameSamples), received.AsSpan(offset, frameSamples));
        }
        return received;
    }

    private static ReadOnlySpan<short> Slice(short[]? signal, int offset, int length) =>
        signal is null || offset >= signal.Length ? default : signal.AsSpan(offset, Math.Min(length, signal.Length - offset));

    private void Check(EchoPathSettings path)
    {
        if (path.DelaySamples < 0 || path.DelaySamples > _maxDelaySamples)
        {
            throw new ArgumentOutOfRangeException(nameof(path), $"Echo delay {path.DelayMs} ms is outside 0..{_maxDelaySamples * 1000 / EchoPathSettings.SampleRate} ms");
        }
        if (path.ClipFraction is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(path), $"ClipFraction {path.ClipFraction} must be in (0, 1]");
        }
    }
}
