namespace VoiceFunctions.TestSupport.LineSimulation;

/// <summary>
/// One echo path of a phone line: how late and how far down the agent's own voice comes back.
/// </summary>
/// <param name="DelayMs">Bulk delay of the echo, in ms (20–300 on real lines: jitter buffers, codecs, the network).</param>
/// <param name="ReturnLossDb">Echo return loss: how far below the agent's level the echo returns, in dB (6 bad, 12 typical, 20 good).</param>
/// <param name="ClipFraction">Where the line driver saturates, as a fraction of full scale (soft clip); 1 = linear.</param>
/// <param name="DispersionSeed">Chooses the hybrid's short impulse response (a few ms of decaying taps); a new seed is a new path.</param>
public sealed record EchoPathSettings(int DelayMs, double ReturnLossDb, double ClipFraction = 0.5, int DispersionSeed = 1)
{
    public const int SampleRate = 16_000;

    /// <summary>Length of the hybrid's dispersion, in samples (4 ms).</summary>
    public const int DispersionTaps = 64;

    public int DelaySamples => DelayMs * SampleRate / 1000;

    /// <summary>The path's impulse response: exponentially decaying random taps of unit energy, scaled by the return loss.</summary>
    public float[] ImpulseResponse()
    {
        var random = new Random(DispersionSeed);
        var taps = new float[DispersionTaps];
        double energy = 0;
        for (var i = 0; i < taps.Length; i++)
        {
            var decay = Math.Exp(-i / 10.0);
            taps[i] = (float)((i == 0 ? 1.0 : random.NextDouble() * 2 - 1) * decay);
            energy += taps[i] * taps[i];
        }
        var gain = Math.Pow(10, -ReturnLossDb / 20) / Math.Sqrt(energy);
        for (var i = 0; i < taps.Length; i++)
        {
            taps[i] = (float)(taps[i] * gain);
        }
        return taps;
    }
}
