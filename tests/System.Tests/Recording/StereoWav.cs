using System.Buffers.Binary;

namespace VoiceFunctions.System.Tests.Recording;

/// <summary>A stereo 16-bit PCM WAV file read back for the recording tests: its format and each channel's energy over time.</summary>
internal sealed class StereoWav
{
    private StereoWav(int sampleRate, short[] left, short[] right)
    {
        SampleRate = sampleRate;
        Left = left;
        Right = right;
    }

    public int SampleRate { get; }
    public short[] Left { get; }
    public short[] Right { get; }
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Left.Length / SampleRate);

    /// <summary>Parses a canonical RIFF/WAVE file; fails the test with what is wrong otherwise.</summary>
    public static StereoWav Parse(byte[] file)
    {
        Assert.True(file.Length >= 44, $"{file.Length} bytes is too short for a WAV file");
        Assert.Equal("RIFF", global::System.Text.Encoding.ASCII.GetString(file, 0, 4));
        Assert.Equal("WAVE", global::System.Text.Encoding.ASCII.GetString(file, 8, 4));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(20))); // PCM
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(22))); // stereo
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(34)));
        var rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(24));
        var dataBytes = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(40));
        Assert.Equal(file.Length - 44, dataBytes);
        var frames = dataBytes / 4;
        var left = new short[frames];
        var right = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            left[i] = BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(44 + (i * 4)));
            right[i] = BinaryPrimitives.ReadInt16LittleEndian(file.AsSpan(46 + (i * 4)));
        }
        return new StereoWav(rate, left, right);
    }

    /// <summary>The RMS of <paramref name="channel"/> between two times (seconds).</summary>
    public double Rms(short[] channel, double fromSeconds, double toSeconds)
    {
        var from = Math.Clamp((int)(fromSeconds * SampleRate), 0, channel.Length);
        var to = Math.Clamp((int)(toSeconds * SampleRate), from, channel.Length);
        if (to == from)
        {
            return 0;
        }
        double sum = 0;
        for (var i = from; i < to; i++)
        {
            sum += (double)channel[i] * channel[i];
        }
        return Math.Sqrt(sum / (to - from));
    }

    /// <summary>The first time (s) from which <paramref name="channel"/>'s 100 ms RMS exceeds <paramref name="threshold"/>, or null.</summary>
    public double? FirstLoud(short[] channel, double threshold, double fromSeconds = 0)
    {
        for (var t = fromSeconds; t + 0.1 <= Duration.TotalSeconds; t += 0.02)
        {
            if (Rms(channel, t, t + 0.1) > threshold)
            {
                return t;
            }
        }
        return null;
    }
}
