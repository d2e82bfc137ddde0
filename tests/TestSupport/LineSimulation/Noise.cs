namespace VoiceFunctions.TestSupport.LineSimulation;

/// <summary>Background noises of a phone call, at unit-free levels; <see cref="SignalLevels.ScaleToSnr"/> sets their level.</summary>
public static class Noise
{
    /// <summary>White (flat) noise: line hiss.</summary>
    public static short[] White(int samples, int seed, short amplitude = 3000)
    {
        var random = new Random(seed);
        var noise = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            noise[i] = (short)((random.NextDouble() * 2 - 1) * amplitude);
        }
        return noise;
    }

    /// <summary>Pink (−3 dB/octave) noise, like traffic and fans: white noise through a sum of first-order low-pass
    /// sections whose poles are spread over the octaves (Kellet's economical filter).</summary>
    public static short[] Pink(int samples, int seed, short amplitude = 3000)
    {
        var random = new Random(seed);
        var noise = new short[samples];
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        for (var i = 0; i < samples; i++)
        {
            var white = random.NextDouble() * 2 - 1;
            b0 = 0.99886 * b0 + white * 0.0555179;
            b1 = 0.99332 * b1 + white * 0.0750759;
            b2 = 0.96900 * b2 + white * 0.1538520;
            b3 = 0.86650 * b3 + white * 0.3104856;
            b4 = 0.55000 * b4 + white * 0.5329522;
            b5 = -0.7616 * b5 - white * 0.0168980;
            var pink = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362;
            b6 = white * 0.115926;
            noise[i] = (short)Math.Clamp(pink * 0.11 * amplitude, short.MinValue, short.MaxValue);
        }
        return noise;
    }

    /// <summary>Babble (a room of other talkers): several voices summed, each looped and started at a different offset
    /// so no single talker stands out.</summary>
    public static short[] Babble(int samples, IReadOnlyList<short[]> voices)
    {
        if (voices.Count == 0)
        {
            throw new ArgumentException("Babble needs at least one voice", nameof(voices));
        }
        var sum = new double[samples];
        for (var v = 0; v < voices.Count; v++)
        {
            var voice = voices[v];
            var offset = voice.Length * v / voices.Count;
            for (var i = 0; i < samples; i++)
            {
                sum[i] += voice[(i + offset) % voice.Length];
            }
        }
        var babble = new short[samples];
        var scale = 1 / Math.Sqrt(voices.Count);
        for (var i = 0; i < samples; i++)
        {
            babble[i] = (short)Math.Clamp(sum[i] * scale, short.MinValue, short.MaxValue);
        }
        return babble;
    }
}
