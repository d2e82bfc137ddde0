using System.Buffers.Binary;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>Reads and writes 16-bit PCM WAV (RIFF) as produced by espeak-ng and OpenAI-compatible servers.</summary>
public static class WavFile
{
    /// <summary>Parses a WAV file; stereo is mixed down to mono. Throws <see cref="FormatException"/> with the reason.</summary>
    public static (short[] Samples, int SampleRate) Read(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            throw new FormatException("not a RIFF/WAVE file");
        }
        int? channels = null, rate = null, bits = null;
        var pos = 12;
        while (pos + 8 <= wav.Length)
        {
            var id = wav.Slice(pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(pos + 4, 4));
            var body = pos + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > wav.Length)
                {
                    throw new FormatException("fmt chunk too short");
                }
                var format = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body, 2));
                if (format != 1 && format != 0xFFFE)
                {
                    throw new FormatException($"WAV format {format} is not PCM");
                }
                channels = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body + 2, 2));
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(body + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body + 14, 2));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (channels is null || rate is null)
                {
                    throw new FormatException("data chunk before fmt chunk");
                }
                if (bits != 16 || channels is < 1 or > 2)
                {
                    throw new FormatException($"only 16-bit mono or stereo PCM is supported (got {bits}-bit, {channels} channels)");
                }
                // Streamed WAV (espeak-ng --stdout) carries a placeholder size: take what is there.
                var available = wav.Length - body;
                var length = size == 0 || size > available ? available : (int)size;
                return (ToMono(wav.Slice(body, length), channels.Value), rate.Value);
            }
            pos = body + (int)Math.Min(size + (size & 1), int.MaxValue - body);
        }
        throw new FormatException("no data chunk");
    }

    /// <summary>Little-endian 16-bit PCM bytes to samples (an odd trailing byte is ignored).</summary>
    public static short[] FromPcmBytes(ReadOnlySpan<byte> pcm)
    {
        var samples = new short[pcm.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm.Slice(i * 2, 2));
        }
        return samples;
    }

    /// <summary>A mono 16-bit PCM WAV file.</summary>
    public static byte[] Write(ReadOnlySpan<short> samples, int sampleRate)
    {
        var bytes = new byte[44 + samples.Length * 2];
        var span = bytes.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + samples.Length * 2));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(sampleRate * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)(samples.Length * 2));
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span.Slice(44 + i * 2, 2), samples[i]);
        }
        return bytes;
    }

    private static short[] ToMono(ReadOnlySpan<byte> data, int channels)
    {
        var frames = data.Length / (2 * channels);
        var samples = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            var sum = 0;
            for (var c = 0; c < channels; c++)
            {
                sum += BinaryPrimitives.ReadInt16LittleEndian(data.Slice((i * channels + c) * 2, 2));
            }
            samples[i] = (short)(sum / channels);
        }
        return samples;
    }
}
