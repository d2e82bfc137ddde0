namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// ITU-T G.711 µ-law. G.711 compresses 14-bit linear samples; a 16-bit sample is reduced to 14 bits by
/// rounding (half up), then the segment/step tables of G.711 apply. Both directions are table lookups:
/// a 64 KiB table indexed by the 16-bit sample, and a 256-entry expansion table.
/// </summary>
public static class MuLaw
{
    private const int Bias = 0x21;
    private const int Clip = 8159;

    private static readonly byte[] EncodeTable = BuildEncodeTable();
    private static readonly short[] DecodeTable = BuildDecodeTable();

    public static byte Encode(short sample) => EncodeTable[(ushort)sample];

    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes <paramref name="pcm"/> into <paramref name="encoded"/> (one byte per sample); returns the byte count.</summary>
    public static int Encode(ReadOnlySpan<short> pcm, Span<byte> encoded) => G711TableCodec.Encode(EncodeTable, pcm, encoded);

    /// <summary>Decodes <paramref name="encoded"/> into <paramref name="pcm"/>; returns the sample count.</summary>
    public static int Decode(ReadOnlySpan<byte> encoded, Span<short> pcm) => G711TableCodec.Decode(DecodeTable, encoded, pcm);

    /// <summary>The G.711 compression of one 14-bit linear value (-8192..8192).</summary>
    internal static byte Compress14(int linear)
    {
        var mask = 0xFF;
        if (linear < 0)
        {
            linear = -linear;
            mask = 0x7F;
        }
        linear = Math.Min(linear, Clip) + Bias;
        var segment = SegmentOf(linear);
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }
        return (byte)(((segment << 4) | ((linear >> (segment + 1)) & 0x0F)) ^ mask);
    }

    /// <summary>The G.711 expansion of one code to a 16-bit sample (the 14-bit value shifted left by 2).</summary>
    internal static short Expand(byte code)
    {
        var u = ~code & 0xFF;
        var magnitude = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
        return (short)((u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84);
    }

    // Segment ends of the biased magnitude: 0x3F, 0x7F, ... 0x1FFF (each segment doubles the step).
    private static int SegmentOf(int biased)
    {
        var segment = 0;
        for (var end = 0x3F; segment < 8 && biased > end; end = (end << 1) | 1)
        {
            segment++;
        }
        return segment;
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[65536];
        for (var s = short.MinValue; ; s++)
        {
            table[(ushort)s] = Compress14((s + 2) >> 2);
            if (s == short.MaxValue)
            {
                break;
            }
        }
        return table;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            table[code] = Expand((byte)code);
        }
        return table;
    }
}
