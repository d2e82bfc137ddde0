using System.Buffers.Binary;
using System.Text;

namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>
/// Builds RTCP packets into a caller's buffer (RFC 3550 §6.4–6.6). A compound packet is these written one after
/// another: SR or RR first, then SDES with CNAME, then BYE when leaving. Nothing is allocated.
/// </summary>
public static class RtcpWriter
{
    private const int HeaderLength = 4;

    public static int WriteSenderReport(Span<byte> destination, uint ssrc, RtcpSenderInfo info, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        var length = HeaderLength + 4 + RtcpSenderInfo.Length + blocks.Length * RtcpReportBlock.Length;
        CheckRoom(destination, length, blocks.Length);
        WriteHeader(destination, blocks.Length, RtcpPacketType.SenderReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], info.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], info.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], info.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], info.OctetCount);
        WriteBlocks(destination[28..], blocks);
        return length;
    }

    public static int WriteReceiverReport(Span<byte> destination, uint ssrc, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        var length = HeaderLength + 4 + blocks.Length * RtcpReportBlock.Length;
        CheckRoom(destination, length, blocks.Length);
        WriteHeader(destination, blocks.Length, RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        WriteBlocks(destination[8..], blocks);
        return length;
    }

    /// <summary>SDES with one chunk holding our CNAME (ASCII, at most 255 bytes), padded to 32 bits.</summary>
    public static int WriteSourceDescription(Span<byte> destination, uint ssrc, string cname)
    {
        var nameLength = Encoding.ASCII.GetByteCount(cname);
        if (nameLength is 0 or > 255)
        {
            throw new ArgumentException("The CNAME must be 1-255 ASCII bytes.", nameof(cname));
        }
        // SSRC, CNAME item (type, length, text), then at least one zero byte ending the item list, to 32 bits.
        var length = (HeaderLength + 4 + 2 + nameLength + 1 + 3) & ~3;
        CheckRoom(destination, length, 1);
        destination[..length].Clear();
        WriteHeader(destination, 1, RtcpPacketType.SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = 1; // CNAME
        destination[9] = (byte)nameLength;
        Encoding.ASCII.GetBytes(cname, destination[10..]);
        return length;
    }

    /// <summary>BYE for one SSRC, without a reason text.</summary>
    public static int WriteGoodbye(Span<byte> destination, uint ssrc)
    {
        const int length = HeaderLength + 4;
        CheckRoom(destination, length, 1);
        WriteHeader(destination, 1, RtcpPacketType.Goodbye, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        return length;
    }

    private static void WriteBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> blocks)
    {
        for (var i = 0; i < blocks.Length; i++)
        {
            var b = blocks[i];
            var d = destination[(i * RtcpReportBlock.Length)..];
            BinaryPrimitives.WriteUInt32BigEndian(d, b.Ssrc);
            var lost = Math.Clamp(b.CumulativeLost, -0x800000, 0x7FFFFF) & 0xFFFFFF;
            BinaryPrimitives.WriteUInt32BigEndian(d[4..], ((uint)b.FractionLost << 24) | (uint)lost);
            BinaryPrimitives.WriteUInt32BigEndian(d[8..], b.ExtendedHighestSequence);
            BinaryPrimitives.WriteUInt32BigEndian(d[12..], b.Jitter);
            BinaryPrimitives.WriteUInt32BigEndian(d[16..], b.LastSenderReport);
            BinaryPrimitives.WriteUInt32BigEndian(d[20..], b.DelaySinceLastSenderReport);
        }
    }

    private static void WriteHeader(Span<byte> destination, int count, RtcpPacketType type, int length)
    {
        destination[0] = (byte)(0x80 | count);
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)(length / 4 - 1));
    }

    private static void CheckRoom(Span<byte> destination, int length, int count)
    {
        if (count > 31)
        {
            throw new ArgumentException("An RTCP packet holds at most 31 report blocks or sources.");
        }
        if (destination.Length < length)
        {
            throw new ArgumentException($"The RTCP packet needs {length} bytes; the buffer has {destination.Length}.", nameof(destination));
        }
    }
}
