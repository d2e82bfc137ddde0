namespace VoiceFunctions.MediaHost.Rtp.Srtp;

/// <summary>
/// The SRTP key derivation (RFC 3711 section 4.3.1) with a key derivation rate of 0 (SDES's default): each session
/// key is the AES-CM keystream of the master key at IV = (master salt XOR label at bit 48) * 2^16.
/// </summary>
public static class SrtpKeyDerivation
{
    public const byte RtpCipherKey = 0x00;
    public const byte RtpAuthKey = 0x01;
    public const byte RtpSalt = 0x02;
    public const byte RtcpCipherKey = 0x03;
    public const byte RtcpAuthKey = 0x04;
    public const byte RtcpSalt = 0x05;

    public static void Derive(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, byte label, Span<byte> output)
    {
        Span<byte> iv = stackalloc byte[16];
        iv.Clear();
        masterSalt[..SrtpSuite.SaltLength].CopyTo(iv);
        iv[7] ^= label;
        output.Clear();
        using var aes = new AesCounterMode(masterKey);
        aes.Apply(iv, output);
    }
}
