using System.Buffers.Binary;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>The 44-byte RIFF/WAVE header of 16-bit PCM (pure): written as a placeholder first, then again with the sizes once known.</summary>
public static class WavHeader
{
    public const int Length = 44;

    /// <summary>Writes the header of <paramref name="dataBytes"/> bytes of 16-bit PCM with <paramref name="channels"/> channels.</summary>
    public static void Write(Span<byte> destination, int sampleRate, int channels, uint dataBytes)
    {
        var blockAlign = channels * 2;
        "RIFF"u8.CopyTo(destination);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], 36 + dataBytes);
        "WAVE"u8.CopyTo(destination[8..]);
        "fmt "u8.CopyTo(destination[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], 1); // PCM
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[28..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[34..], 16);
        "data"u8.CopyTo(destination[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[40..], dataBytes);
    }
}
