namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// ITU-T G.711 A-law. G.711 compresses 13-bit linear samples; a 16-bit sample is reduced to 13 bits by
/// rounding (half up), then the segment tables of G.711 apply (even bits inverted, 0x55). Both directions
/// are table lookups: a 64 KiB table indexed by the 16-bit sample, and a 256-entry expansion table.
/// </summary>
public static class ALaw
{
    private static readonly byte[] EncodeTable = BuildEncodeTable();
    private static readonly short[] DecodeTable = BuildDecodeTable();

    public static byte Encode(short sample) => EncodeTable[(ushort)sample];

    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes <paramref name="pcm"/> into <paramref name="encoded"/> (one byte per sample); returns the byte count.</summary>
    public static int Encode(ReadOnlySpan<short> pcm, Span<byte> encoded) => G711TableCodec.Encode(EncodeTable, pcm, encoded);

    /// <summary>Decodes <paramref name="encoded"/> into <paramref name="pcm"/>; returns the sample count.</summary>
    public static int Decode(ReadOnlySpan<byte> encoded, Span<short> pcm) => G711TableCodec.Decode(DecodeTable, encoded, pcm);

    /// <summary>The G.711 compression of one 13-bit linear value (-4096..4096).</summary>
    internal static byte Compress13(int linear)
    {
        int mask;
        if (linear >= 0)
        {
            mask = 0xD5;
        }
        else
        {
            mask = 0x55;
            linear = -linear - 1;
        }
        var segment = 0;
        for (var end = 0x1F; segment < 8 && linear > end; end = (end << 1) | 1)
        {
            segment++;
        }
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }
        var step = segment < 2 ? (linear >> 1) & 0x0F : (linear >> segment) & 0x0F;
        return (byte)(((segment << 4) | step) ^ mask);
    }

    /// <summary>The G.711 expansion of one code to a 16-bit sample (the 13-bit value shifted left by 3).</summary>
    internal static short Expand(byte code)
    {
        var a = code ^ 0x55;
        var magnitude = (a & 0x0F) << 4;
        var segment = (a & 0x70) >> 4;
        magnitude = segment switch
        {
            0 => magnitude + 8,
            1 => magnitude + 0x108,
            _ => (magnitude + 0x108) << (segment - 1),
        };
        return (short)((a & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[65536];
        for (var s = short.MinValue; ; s++)
        {
            table[(ushort)s] = Compress13((s + 4) >> 3);
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
