using System.Buffers.Binary;
using System.Security.Cryptography;

namespace VoiceFunctions.MediaHost.Rtp.Srtp;

/// <summary>
/// The session keys of one direction of SRTP or SRTCP (RFC 3711 section 4.3): cipher, salt and HMAC-SHA1 key derived
/// from the master key, and the two operations every packet needs: the counter-mode XOR at the packet's IV and the
/// authentication tag. Made once per stream; per packet it allocates nothing. Not thread-safe.
/// </summary>
public sealed class SrtpTransform : IDisposable
{
    private readonly AesCounterMode _cipher;
    private readonly IncrementalHash _hmac;
    private readonly byte[] _salt = new byte[SrtpSuite.SaltLength];

    /// <param name="rtcp">True for the SRTCP keys (labels 3 to 5), false for SRTP's (0 to 2).</param>
    public SrtpTransform(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, bool rtcp)
    {
        var offset = rtcp ? SrtpKeyDerivation.RtcpCipherKey : SrtpKeyDerivation.RtpCipherKey;
        Span<byte> cipherKey = stackalloc byte[SrtpSuite.KeyLength];
        Span<byte> authKey = stackalloc byte[SrtpSuite.AuthKeyLength];
        SrtpKeyDerivation.Derive(masterKey, masterSalt, offset, cipherKey);
        SrtpKeyDerivation.Derive(masterKey, masterSalt, (byte)(offset + 1), authKey);
        SrtpKeyDerivation.Derive(masterKey, masterSalt, (byte)(offset + 2), _salt);
        _cipher = new AesCounterMode(cipherKey);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, authKey);
        CryptographicOperations.ZeroMemory(cipherKey);
        CryptographicOperations.ZeroMemory(authKey);
    }

    /// <summary>Encrypts or decrypts <paramref name="data"/> for the packet of <paramref name="ssrc"/> and <paramref name="index"/>.</summary>
    public void Crypt(uint ssrc, long index, Span<byte> data)
    {
        // IV = (salt * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16) (RFC 3711 section 4.1.1).
        Span<byte> iv = stackalloc byte[16];
        iv.Clear();
        _salt.CopyTo(iv);
        iv[4] ^= (byte)(ssrc >> 24);
        iv[5] ^= (byte)(ssrc >> 16);
        iv[6] ^= (byte)(ssrc >> 8);
        iv[7] ^= (byte)ssrc;
        for (var i = 0; i < 6; i++)
        {
            iv[13 - i] ^= (byte)(index >> (8 * i));
        }
        _cipher.Apply(iv, data);
    }

    /// <summary>HMAC-SHA1 of <paramref name="authenticated"/> followed by the 32-bit <paramref name="trailer"/>, truncated into <paramref name="tag"/>.</summary>
    public void Tag(ReadOnlySpan<byte> authenticated, uint trailer, Span<byte> tag)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, trailer);
        Span<byte> full = stackalloc byte[20];
        _hmac.AppendData(authenticated);
        _hmac.AppendData(word);
        _hmac.GetHashAndReset(full);
        full[..tag.Length].CopyTo(tag);
    }

    /// <summary>True when <paramref name="received"/> is the tag of the packet (compared in constant time).</summary>
    public bool Verify(ReadOnlySpan<byte> authenticated, uint trailer, ReadOnlySpan<byte> received)
    {
        Span<byte> expected = stackalloc byte[received.Length];
        Tag(authenticated, trailer, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received);
    }

    public void Dispose()
    {
        _cipher.Dispose();
        _hmac.Dispose();
        CryptographicOperations.ZeroMemory(_salt);
    }
}
