using System.Buffers.Binary;

namespace VoiceFunctions.MediaHost.Providers.Speech;

/// <summary>
/// The other direction of <see cref="PcmFramer"/>: a frame of the loop's samples as the headerless 16-bit
/// little-endian PCM that streaming vendors take, written into a buffer the stream reuses (grown only when a frame is
/// larger than any before, so a call's frames allocate nothing after the first).
/// </summary>
public static class PcmEncoding
{
    /// <summary>Writes <paramref name="samples"/> into <paramref name="buffer"/>; returns the number of bytes written.</summary>
    public static int ToLittleEndian(ReadOnlySpan<short> samples, ref byte[] buffer)
    {
        var bytes = samples.Length * 2;
        if (buffer.Length < bytes)
        {
            buffer = new byte[bytes];
        }
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(i * 2), samples[i]);
        }
        return bytes;
    }
}
