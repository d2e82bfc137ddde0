namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// RFC 3389 comfort noise: the payload's first byte is the noise level in −dBov (0–127); spectral coefficients may
/// follow and are ignored here (the noise played is white, which is what most senders' SID frames describe closely
/// enough for a listener). Generates the noise without allocating; writes the one-byte payload we send.
/// </summary>
public sealed class ComfortNoise
{
    /// <summary>The level we send during silence (−70 dBov: a faint hiss that tells the listener the line is open).</summary>
    public const byte DefaultLevelDbov = 70;

    private uint _state = 0x9E3779B9;
    private double _amplitude;

    public ComfortNoise()
    {
        SetLevel(DefaultLevelDbov);
    }

    /// <summary>The noise level now, in −dBov.</summary>
    public byte LevelDbov { get; private set; }

    /// <summary>Takes the level of a received CN payload; false when the payload is empty.</summary>
    public bool TryReadPayload(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return false;
        }
        SetLevel((byte)(payload[0] & 0x7F));
        return true;
    }

    /// <summary>Writes a CN payload with <paramref name="levelDbov"/> (no spectral information); returns its length.</summary>
    public static int WritePayload(Span<byte> payload, byte levelDbov = DefaultLevelDbov)
    {
        payload[0] = (byte)(levelDbov & 0x7F);
        return 1;
    }

    /// <summary>Fills <paramref name="pcm"/> with white noise at the current level.</summary>
    public void Fill(Span<short> pcm)
    {
        for (var i = 0; i < pcm.Length; i++)
        {
            // xorshift32: cheap, allocation-free, and plenty random for noise nobody listens to closely.
            _state ^= _state << 13;
            _state ^= _state >> 17;
            _state ^= _state << 5;
            var uniform = (int)(_state & 0xFFFF) - 32768; // −32768 … 32767
            pcm[i] = (short)(uniform * _amplitude);
        }
    }

    private void SetLevel(byte levelDbov)
    {
        LevelDbov = levelDbov;
        // 0 dBov is a full-scale square wave's power; uniform noise of peak A has RMS A/√3, so peak = √3 × RMS.
        var rms = Math.Pow(10, -levelDbov / 20.0);
        _amplitude = Math.Min(1.0, rms * Math.Sqrt(3));
    }
}
