using System.Buffers.Binary;

namespace VoiceFunctions.MediaHost.Tests.Recording;

/// <summary>A recorder's WAV file read back: header fields and the two channels.</summary>
internal sealed record RecordedWav(int SampleRate, int Channels, short[] Left, short[] Right, int DeclaredDataBytes)
{
    public static RecordedWav Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22));
        var rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(24));
        var declared = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(40));
        var frames = (bytes.Length - 44) / 4;
        var left = new short[frames];
        var right = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            left[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + (4 * i)));
            right[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(46 + (4 * i)));
        }
        return new RecordedWav(rate, channels, left, right, declared);
    }
}
