namespace VoiceFunctions.MediaHost.Tests.Support;

/// <summary>Writes 16-bit mono PCM WAV files (baresip's aufile source and player use them).</summary>
public static class TestWav
{
    /// <summary>A tone of <paramref name="hz"/> for <paramref name="seconds"/>, 8 kHz unless told otherwise.</summary>
    public static void WriteTone(string path, int hz = 440, double seconds = 2, int rate = 8000)
    {
        var samples = new short[(int)(rate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * hz * i / rate));
        }
        Write(path, samples, rate);
    }

    public static void Write(string path, ReadOnlySpan<short> samples, int rate)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + samples.Length * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples.Length * 2);
        foreach (var sample in samples)
        {
            writer.Write(sample);
        }
    }
}
