using System.Buffers.Binary;

namespace VoiceFunctions.MediaHost.Tests.Support;

/// <summary>16-bit PCM WAV files: what baresip's aufile source plays and what its sndfile module records.</summary>
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

    /// <summary>
    /// The sample rate and channel count baresip's audio source must have for <paramref name="codec"/> ("PCMU",
    /// "PCMA", "G722", "opus"): aufile refuses any other. G.722 samples at 16 kHz though SDP says 8000.
    /// </summary>
    public static (int Rate, int Channels) FormatFor(string codec) => codec.ToUpperInvariant() switch
    {
        "PCMU" or "PCMA" => (8000, 1),
        "G722" => (16000, 1),
        "OPUS" => (48000, 2),
        _ => throw new ArgumentException($"no baresip source format known for '{codec}'", nameof(codec)),
    };

    /// <summary>Writes mono <paramref name="samples"/> at <paramref name="rate"/>, copied into each of <paramref name="channels"/>.</summary>
    public static void Write(string path, ReadOnlySpan<short> samples, int rate, int channels = 1)
    {
        var dataBytes = samples.Length * channels * 2;
        var bytes = new byte[44 + dataBytes];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), rate * channels * 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), (short)(channels * 2));
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), dataBytes);
        var offset = 44;
        foreach (var sample in samples)
        {
            for (var c = 0; c < channels; c++, offset += 2)
            {
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(offset), sample);
            }
        }
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// Reads a 16-bit PCM WAV file: its rate, channel count and the first channel's samples. A data chunk whose
    /// size was never filled in (the writer was killed) is read to the end of the file.
    /// </summary>
    public static (int Rate, int Channels, short[] Samples) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || !bytes.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !bytes.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{path} is not a WAV file ({bytes.Length} bytes)");
        }
        int rate = 0, channels = 0, bits = 0;
        var position = 12;
        while (position + 8 <= bytes.Length)
        {
            var id = bytes.AsSpan(position, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position + 4));
            var body = position + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                channels = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(body + 4));
                bits = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + 14));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (bits != 16 || channels < 1)
                {
                    throw new InvalidDataException($"{path}: only 16-bit PCM is read here (found {bits}-bit, {channels} channels)");
                }
                var length = size <= 0 || body + size > bytes.Length ? bytes.Length - body : size;
                var samples = new short[length / (2 * channels)];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(body + i * 2 * channels));
                }
                return (rate, channels, samples);
            }
            position = body + size + (size & 1);
        }
        throw new InvalidDataException($"{path} has no data chunk");
    }
}
