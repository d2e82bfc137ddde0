using VoiceFunctions.MediaHost.Rtp.Srtp;

namespace VoiceFunctions.MediaHost.Tests.Rtp.Srtp;

/// <summary>The published test vectors: RFC 3711 appendix B (AES-CM keystream, key derivation) and the SRTP/SRTCP
/// packet pair every implementation checks against (master key E1F97A0D..., SSRC 0xCAFEBABE, sequence 0x1234).</summary>
public sealed class SrtpVectorTests
{
    private static readonly byte[] MasterKey = Convert.FromHexString("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static readonly byte[] MasterSalt = Convert.FromHexString("0EC675AD498AFEEBB6960B3AABE6");

    [Fact]
    public void Aes_counter_mode_keystream_matches_RFC_3711_B2()
    {
        using var cipher = new AesCounterMode(Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C"));
        var blocks = 0xFF02;
        var keystream = new byte[blocks * 16];
        cipher.Apply(Convert.FromHexString("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), keystream);

        Assert.Equal("E03EAD0935C95E80E166B16DD92B4EB4", Block(keystream, 0));
        Assert.Equal("D23513162B02D0F72A43A2FE4A5F97AB", Block(keystream, 1));
        Assert.Equal("41E95B3BB0A2E8DD477901E4FCA894C0", Block(keystream, 2));
        Assert.Equal("EC8CDF7398607CB0F2D21675EA9EA1E4", Block(keystream, 0xFEFF));
        Assert.Equal("362B7C3C6773516318A077D7FC5073AE", Block(keystream, 0xFF00));
        Assert.Equal("6A2CC3787889374FBEB4C81B17BA6C44", Block(keystream, 0xFF01));
    }

    [Fact]
    public void Key_derivation_matches_RFC_3711_B3()
    {
        var cipherKey = new byte[16];
        var salt = new byte[14];
        var authKey = new byte[20];
        SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpCipherKey, cipherKey);
        SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpSalt, salt);
        SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpAuthKey, authKey);

        Assert.Equal("C61E7A93744F39EE10734AFE3FF7A087", Convert.ToHexString(cipherKey));
        Assert.Equal("30CBBC08863D8C85D49DB34A9AE1", Convert.ToHexString(salt));
        Assert.Equal("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4", Convert.ToHexString(authKey));
    }

    [Fact]
    public void The_reference_RTP_packet_protects_to_the_reference_SRTP_packet_and_back()
    {
        var packet = new byte[64];
        var plain = Convert.FromHexString("800F1234DECAFBADCAFEBABE" + string.Concat(Enumerable.Repeat("AB", 16)));
        plain.CopyTo(packet, 0);
        using var sender = new SrtpSender(SrtpSuite.AesCm128HmacSha1_80, MasterKey, MasterSalt);
        using var receiver = new SrtpReceiver(SrtpSuite.AesCm128HmacSha1_80, MasterKey, MasterSalt);

        var length = sender.ProtectRtp(packet, plain.Length);
        Assert.Equal("800F1234DECAFBADCAFEBABE4E55DC4CE79978D88CA4D215949D2402B78D6ACC99EA179B8DBB", Convert.ToHexString(packet, 0, length));

        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(packet, length, out var plainLength));
        Assert.Equal(Convert.ToHexString(plain), Convert.ToHexString(packet, 0, plainLength));
    }

    [Fact]
    public void The_32_bit_tag_suite_sends_the_first_four_bytes_of_the_same_tag()
    {
        var packet = new byte[64];
        Convert.FromHexString("800F1234DECAFBADCAFEBABE" + string.Concat(Enumerable.Repeat("AB", 16))).CopyTo(packet, 0);
        using var sender = new SrtpSender(SrtpSuite.AesCm128HmacSha1_32, MasterKey, MasterSalt);

        var length = sender.ProtectRtp(packet, 28);
        Assert.Equal("800F1234DECAFBADCAFEBABE4E55DC4CE79978D88CA4D215949D2402B78D6ACC", Convert.ToHexString(packet, 0, length));
    }

    [Fact]
    public void The_reference_RTCP_packet_with_index_1_protects_to_the_reference_SRTCP_packet_and_back()
    {
        var plain = Convert.FromHexString("81C8000BCAFEBABE" + string.Concat(Enumerable.Repeat("AB", 16)));
        using var sender = new SrtpSender(SrtpSuite.AesCm128HmacSha1_80, MasterKey, MasterSalt);
        using var receiver = new SrtpReceiver(SrtpSuite.AesCm128HmacSha1_80, MasterKey, MasterSalt);
        var first = new byte[64];
        plain.CopyTo(first, 0);
        sender.ProtectRtcp(first, plain.Length); // index 0
        var packet = new byte[64];
        plain.CopyTo(packet, 0);

        var length = sender.ProtectRtcp(packet, plain.Length); // index 1, as in the reference
        Assert.Equal("81C8000BCAFEBABE7128035BE487B9BDBEF89041F977A5A880000001993E08CD54D6C1230798", Convert.ToHexString(packet, 0, length));

        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtcp(packet, length, out var plainLength));
        Assert.Equal(Convert.ToHexString(plain), Convert.ToHexString(packet, 0, plainLength));
    }

    private static string Block(byte[] keystream, int index) => Convert.ToHexString(keystream, index * 16, 16);
}
