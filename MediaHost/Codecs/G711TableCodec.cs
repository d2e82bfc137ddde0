namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>The table lookups µ-law and A-law share: both map each 16-bit sample and each 8-bit code through a table.</summary>
internal static class G711TableCodec
{
    public static int Encode(byte[] table, ReadOnlySpan<short> pcm, Span<byte> encoded)
    {
        if (encoded.Length < pcm.Length)
        {
            throw new ArgumentException("The destination holds fewer bytes than there are samples.", nameof(encoded));
        }
        for (var i = 0; i < pcm.Length; i++)
        {
            encoded[i] = table[(ushort)pcm[i]];
        }
        return pcm.Length;
    }

    public static int Decode(short[] table, ReadOnlySpan<byte> encoded, Span<short> pcm)
    {
        if (pcm.Length < encoded.Length)
        {
            throw new ArgumentException("The destination holds fewer samples than there are bytes.", nameof(pcm));
        }
        for (var i = 0; i < encoded.Length; i++)
        {
            pcm[i] = table[encoded[i]];
        }
        return encoded.Length;
    }
}
