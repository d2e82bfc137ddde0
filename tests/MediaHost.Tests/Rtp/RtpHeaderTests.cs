using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Rtp;

public class RtpHeaderTests
{
    [Fact]
    public void Written_header_parses_back_to_the_same_fields()
    {
        var header = new RtpHeader(true, 96, 65535, 0xDEADBEEF, 0x01020304);
        var packet = new byte[12 + 160];
        Assert.Equal(12, header.WriteTo(packet));

        Assert.True(RtpHeader.TryParse(packet, out var parsed, out var offset));
        Assert.Equal(header, parsed);
        Assert.Equal(12, offset);
        Assert.Equal(160, parsed.PayloadOf(packet, offset).Length);
        Assert.Equal(0x80, packet[0]);
        Assert.Equal(0x80 | 96, packet[1]);
    }

    [Fact]
    public void Csrcs_extension_and_padding_are_skipped_to_find_the_payload()
    {
        byte[] packet =
        [
            0xB2, 0x00, 0x00, 0x07, 0, 0, 0, 160, 0xAA, 0xBB, 0xCC, 0xDD, // V=2 P X CC=2, PT 0, seq 7, ts 160
            1, 1, 1, 1, 2, 2, 2, 2,                                   // two CSRCs
            0xBE, 0xDE, 0x00, 0x01, 9, 9, 9, 9,                       // extension: profile, 1 word
            0x11, 0x22, 0x33,                                         // payload
            0x00, 0x00, 0x03,                                         // 3 bytes of padding
        ];
        Assert.True(RtpHeader.TryParse(packet, out var header, out var offset));
        Assert.Equal(2, header.CsrcCount);
        Assert.True(header.HasExtension);
        Assert.Equal(3, header.PaddingLength);
        Assert.Equal(7, header.SequenceNumber);
        Assert.Equal(160u, header.Timestamp);
        Assert.Equal(0xAABBCCDDu, header.Ssrc);
        Assert.Equal(new byte[] { 0x11, 0x22, 0x33 }, header.PayloadOf(packet, offset).ToArray());
    }

    public static TheoryData<string, byte[], RtpParseError> MalformedPackets() => new()
    {
        { "empty", [], RtpParseError.TooShort },
        { "11 bytes", [0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0], RtpParseError.TooShort },
        { "version 1", [0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1], RtpParseError.BadVersion },
        { "version 0 (STUN-like)", [0x00, 1, 0, 0, 0x21, 0x12, 0xA4, 0x42, 0, 0, 0, 0], RtpParseError.BadVersion },
        { "CSRC count past the end", [0x83, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1], RtpParseError.TruncatedCsrc },
        { "extension header cut", [0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE], RtpParseError.TruncatedExtension },
        { "extension length past the end", [0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 2, 1, 2, 3, 4], RtpParseError.TruncatedExtension },
        { "zero padding count", [0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 0], RtpParseError.BadPadding },
        { "padding longer than the payload", [0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 9], RtpParseError.BadPadding },
    };

    [Theory]
    [MemberData(nameof(MalformedPackets))]
    public void Malformed_packet_is_rejected_with_its_reason(string name, byte[] packet, RtpParseError expected)
    {
        Assert.False(RtpHeader.TryParse(packet, out _, out _, out var error), name);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Every_prefix_of_a_packet_with_csrc_and_extension_is_rejected_not_misread()
    {
        byte[] packet = [0x91, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 7, 7, 7, 7, 0xBE, 0xDE, 0, 1, 1, 2, 3, 4];
        for (var length = 0; length < packet.Length; length++)
        {
            Assert.False(RtpHeader.TryParse(packet.AsSpan(0, length), out _, out _), $"prefix {length}");
        }
        Assert.True(RtpHeader.TryParse(packet, out _, out var offset));
        Assert.Equal(packet.Length, offset);
    }
}
