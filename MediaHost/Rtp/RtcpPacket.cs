using System.Buffers.Binary;

namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>
/// One packet of an RTCP compound packet, as a view over the received bytes. <see cref="TryReadNext"/> walks a
/// compound packet; the typed readers then decode SR, RR and BYE without allocating.
/// </summary>
public readonly ref struct RtcpPacket
{
    private RtcpPacket(RtcpPacketType type, int count, ReadOnlySpan<byte> body)
    {
        Type = type;
        Count = count;
        Body = body;
    }

    public RtcpPacketType Type { get; }

    /// <summary>The 5-bit count field: report blocks (SR/RR), chunks (SDES) or sources (BYE).</summary>
    public int Count { get; }

    /// <summary>The bytes after the 4-byte common header, without padding.</summary>
    public ReadOnlySpan<byte> Body { get; }

    /// <summary>
    /// Reads the packet at the start of <paramref name="compound"/>. False when the header is malformed (not
    /// version 2, or a length past the end), so a garbage datagram never reads out of bounds.
    /// </summary>
    public static bool TryReadNext(ReadOnlySpan<byte> compound, out RtcpPacket packet, out int consumed)
    {
        packet = default;
        consumed = 0;
        if (compound.Length < 4 || compound[0] >> 6 != 2)
        {
            return false;
        }
        var length = (BinaryPrimitives.ReadUInt16BigEndian(compound[2..]) + 1) * 4;
        if (length > compound.Length)
        {
            return false;
        }
        var padding = (compound[0] & 0x20) != 0 ? compound[length - 1] : 0;
        if (padding > length - 4)
        {
            return false;
        }
        packet = new RtcpPacket((RtcpPacketType)compound[1], compound[0] & 0x1F, compound[4..(length - padding)]);
        consumed = length;
        return true;
    }

    /// <summary>Reads an SR: sender SSRC, sender info and up to <c>blocks.Length</c> report blocks.</summary>
    public bool TryReadSenderReport(out uint ssrc, out RtcpSenderInfo info, Span<RtcpReportBlock> blocks, out int blockCount)
    {
        ssrc = 0;
        info = default;
        blockCount = 0;
        if (Type != RtcpPacketType.SenderReport || Body.Length < 4 + RtcpSenderInfo.Length + Count * RtcpReportBlock.Length)
        {
            return false;
        }
        ssrc = BinaryPrimitives.ReadUInt32BigEndian(Body);
        info = new RtcpSenderInfo(
            BinaryPrimitives.ReadUInt64BigEndian(Body[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(Body[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(Body[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(Body[20..]));
        blockCount = ReadBlocks(Body[24..], blocks);
        return true;
    }

    /// <summary>Reads an RR: reporter SSRC and up to <c>blocks.Length</c> report blocks.</summary>
    public bool TryReadReceiverReport(out uint ssrc, Span<RtcpReportBlock> blocks, out int blockCount)
    {
        ssrc = 0;
        blockCount = 0;
        if (Type != RtcpPacketType.ReceiverReport || Body.Length < 4 + Count * RtcpReportBlock.Length)
        {
            return false;
        }
        ssrc = BinaryPrimitives.ReadUInt32BigEndian(Body);
        blockCount = ReadBlocks(Body[4..], blocks);
        return true;
    }

    /// <summary>Reads a BYE: the first SSRC leaving (the others, and the reason, are ignored).</summary>
    public bool TryReadGoodbye(out uint ssrc)
    {
        ssrc = 0;
        if (Type != RtcpPacketType.Goodbye || Count < 1 || Body.Length < 4 * Count)
        {
            return false;
        }
        ssrc = BinaryPrimitives.ReadUInt32BigEndian(Body);
        return true;
    }

    private int ReadBlocks(ReadOnlySpan<byte> source, Span<RtcpReportBlock> blocks)
    {
        var count = Math.Min(Count, blocks.Length);
        for (var i = 0; i < count; i++)
        {
            var s = source[(i * RtcpReportBlock.Length)..];
            var lostWord = BinaryPrimitives.ReadUInt32BigEndian(s[4..]);
            var cumulative = (int)(lostWord << 8) >> 8; // sign-extend 24 bits
            blocks[i] = new RtcpReportBlock(
                BinaryPrimitives.ReadUInt32BigEndian(s),
                (byte)(lostWord >> 24),
                cumulative,
                BinaryPrimitives.ReadUInt32BigEndian(s[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(s[12..]),
                BinaryPrimitives.ReadUInt32BigEndian(s[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(s[20..]));
        }
        return count;
    }
}
