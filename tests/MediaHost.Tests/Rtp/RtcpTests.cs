using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Rtp;

public class RtcpTests
{
    [Fact]
    public void Compound_sender_report_sdes_and_bye_read_back_field_by_field()
    {
        var buffer = new byte[256];
        var info = new RtcpSenderInfo(0xE000_0001_8000_0000, 123456, 50, 8000);
        RtcpReportBlock[] blocks =
        [
            new(0x11111111, 12, 34, 70000, 80, 0x12345678, 65536),
            new(0x22222222, 0, -5, 3, 0, 0, 0),
        ];
        var length = RtcpWriter.WriteSenderReport(buffer, 0xCAFEBABE, info, blocks);
        length += RtcpWriter.WriteSourceDescription(buffer.AsSpan(length), 0xCAFEBABE, "mediahost@127.0.0.1");
        length += RtcpWriter.WriteGoodbye(buffer.AsSpan(length), 0xCAFEBABE);
        Assert.Equal(0, length % 4);

        var compound = buffer.AsSpan(0, length);
        var types = new List<RtcpPacketType>();
        Span<RtcpReportBlock> read = stackalloc RtcpReportBlock[4];
        while (RtcpPacket.TryReadNext(compound, out var packet, out var consumed))
        {
            types.Add(packet.Type);
            if (packet.Type == RtcpPacketType.SenderReport)
            {
                Assert.True(packet.TryReadSenderReport(out var ssrc, out var readInfo, read, out var count));
                Assert.Equal(0xCAFEBABEu, ssrc);
                Assert.Equal(info, readInfo);
                Assert.Equal(2, count);
                Assert.Equal(blocks[0], read[0]);
                Assert.Equal(blocks[1], read[1]);
            }
            if (packet.Type == RtcpPacketType.Goodbye)
            {
                Assert.True(packet.TryReadGoodbye(out var leaving));
                Assert.Equal(0xCAFEBABEu, leaving);
            }
            compound = compound[consumed..];
        }
        Assert.Equal([RtcpPacketType.SenderReport, RtcpPacketType.SourceDescription, RtcpPacketType.Goodbye], types);
        Assert.True(compound.IsEmpty);
    }

    [Fact]
    public void Receiver_report_round_trips_and_is_not_read_as_a_sender_report()
    {
        var buffer = new byte[64];
        var block = new RtcpReportBlock(7, 255, 0x7FFFFF, 1, 2, 3, 4);
        var length = RtcpWriter.WriteReceiverReport(buffer, 99, [block]);
        Assert.Equal(32, length);
        Assert.True(RtcpPacket.TryReadNext(buffer.AsSpan(0, length), out var packet, out _));
        Span<RtcpReportBlock> read = stackalloc RtcpReportBlock[1];
        Assert.False(packet.TryReadSenderReport(out _, out _, read, out _));
        Assert.True(packet.TryReadReceiverReport(out var ssrc, read, out var count));
        Assert.Equal(99u, ssrc);
        Assert.Equal(1, count);
        Assert.Equal(block, read[0]);
    }

    [Fact]
    public void Sender_info_exposes_the_middle_32_bits_of_ntp_time_for_lsr()
    {
        Assert.Equal(0x5678_9ABCu, new RtcpSenderInfo(0x1234_5678_9ABC_DEF0, 0, 0, 0).CompactNtp);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x80, 200, 0 })]
    [InlineData(new byte[] { 0x40, 200, 0, 0 })]                   // version 1
    [InlineData(new byte[] { 0x80, 201, 0, 5, 0, 0, 0, 1 })]       // length says 24 bytes, 8 present
    [InlineData(new byte[] { 0xA0, 203, 0, 1, 0, 0, 0, 9 })]       // padding count larger than the body
    public void Malformed_rtcp_is_rejected_without_reading_out_of_bounds(byte[] datagram)
    {
        Assert.False(RtcpPacket.TryReadNext(datagram, out _, out _));
    }

    [Fact]
    public void Report_blocks_claimed_beyond_the_body_are_rejected()
    {
        byte[] rr = [0x82, 201, 0, 1, 0, 0, 0, 1]; // claims 2 blocks, has none
        Assert.True(RtcpPacket.TryReadNext(rr, out var packet, out _));
        Span<RtcpReportBlock> read = stackalloc RtcpReportBlock[2];
        Assert.False(packet.TryReadReceiverReport(out _, read, out _));
    }
}
