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

    /// <summary>
    /// Reads a 16-bit PCM WAV (first channel only): the samples and the sample rate. Tolerates a data chunk whose
    /// declared size is wrong or zero, as in a file a recorder was still writing (baresip's aufile player before quit).
    /// </summary>
    public static (short[] Samples, int Rate) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || !bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{path} is not a WAV file");
        }
        int rate = 0, channels = 1, position = 12;
        while (position + 8 <= bytes.Length)
        {
            var id = bytes.AsSpan(position, 4);
            var size = BitConverter.ToInt32(bytes, position + 4);
            var body = position + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                channels = BitConverter.ToInt16(bytes, body + 2);
                rate = BitConverter.ToInt32(bytes, body + 4);
            }
            else if (id.SequenceEqual("data"u8))
            {
                var available = bytes.Length - body;
                var length = size > 0 && size <= available ? size : available;
                var frames = length / (2 * channels);
                var samples = new short[frames];
                for (var i = 0; i < frames; i++)
                {
                    samples[i] = BitConverter.ToInt16(bytes, body + i * 2 * channels);
                }
                return (samples, rate);
            }
            position = body + Math.Max(0, size) + (size & 1);
        }
        throw new InvalidDataException($"{path} has no data chunk");
    }
}
