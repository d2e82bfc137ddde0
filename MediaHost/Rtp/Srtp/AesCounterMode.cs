using System.Security.Cryptography;

namespace VoiceFunctions.MediaHost.Rtp.Srtp;

/// <summary>
/// AES in counter mode as SRTP uses it (RFC 3711 section 4.1.1): the keystream is AES of IV, IV+1, ... (the counter in
/// the IV's last 16 bits), XORed over the data. One ECB transform and two scratch buffers are made once, so applying
/// it to a packet allocates nothing. Not thread-safe: one per direction of a stream.
/// </summary>
public sealed class AesCounterMode : IDisposable
{
    private const int Block = 16;
    private const int ScratchBlocks = 128; // 2 KiB: any RTP packet in one pass; longer data loops
    private readonly Aes _aes;
    private readonly ICryptoTransform _encryptor;
    private readonly byte[] _counters = new byte[ScratchBlocks * Block];
    private readonly byte[] _keystream = new byte[ScratchBlocks * Block];

    public AesCounterMode(ReadOnlySpan<byte> key)
    {
        _aes = Aes.Create();
        _aes.Mode = CipherMode.ECB;
        _aes.Padding = PaddingMode.None;
        _encryptor = _aes.CreateEncryptor(key.ToArray(), null);
    }

    /// <summary>XORs the keystream for <paramref name="iv"/> (16 bytes, counter bits zero) over <paramref name="data"/>.</summary>
    public void Apply(ReadOnlySpan<byte> iv, Span<byte> data)
    {
        var counter = 0;
        while (!data.IsEmpty)
        {
            var blocks = Math.Min(ScratchBlocks, (data.Length + Block - 1) / Block);
            for (var b = 0; b < blocks; b++, counter++)
            {
                var block = _counters.AsSpan(b * Block, Block);
                iv.CopyTo(block);
                // The counter occupies the low 16 bits; RFC 3711 keystreams never run past 2^16 blocks per packet.
                block[14] = (byte)(iv[14] ^ (counter >> 8));
                block[15] = (byte)(iv[15] ^ counter);
            }
            _encryptor.TransformBlock(_counters, 0, blocks * Block, _keystream, 0);
            var length = Math.Min(data.Length, blocks * Block);
            Xor(data[..length], _keystream.AsSpan(0, length));
            data = data[length..];
        }
    }

    private static void Xor(Span<byte> data, ReadOnlySpan<byte> keystream)
    {
        var i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated)
        {
            var width = System.Numerics.Vector<byte>.Count;
            for (; i + width <= data.Length; i += width)
            {
                var mixed = new System.Numerics.Vector<byte>(data[i..]) ^ new System.Numerics.Vector<byte>(keystream[i..]);
                mixed.CopyTo(data[i..]);
            }
        }
        for (; i < data.Length; i++)
        {
            data[i] ^= keystream[i];
        }
    }

    public void Dispose()
    {
        _encryptor.Dispose();
        _aes.Dispose();
    }
}
