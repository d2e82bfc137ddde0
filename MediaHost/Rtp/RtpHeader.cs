using System.Buffers.Binary;

namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>
/// The fixed RTP header (RFC 3550 §5.1). Parsing reads the CSRC count and skips CSRCs, the header extension
/// and trailing padding, so <c>payloadOffset</c>/<see cref="PaddingLength"/> delimit the payload exactly.
/// </summary>
public readonly record struct RtpHeader(
    bool Marker,
    byte PayloadType,
    ushort SequenceNumber,
    uint Timestamp,
    uint Ssrc)
{
    public const int FixedLength = 12;
    public const int Version = 2;

    /// <summary>CSRC count of a parsed packet (we never send CSRCs).</summary>
    public int CsrcCount { get; init; }

    /// <summary>Whether the parsed packet carried a header extension (skipped).</summary>
    public bool HasExtension { get; init; }

    /// <summary>Bytes of padding at the end of a parsed packet (0 without the P bit).</summary>
    public int PaddingLength { get; init; }

    /// <summary>
    /// Parses the header of <paramref name="packet"/>. Returns false (and why) for anything that is not a
    /// well-formed RTP version-2 packet: too short, another version, CSRCs/extension/padding past the end.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header, out int payloadOffset) =>
        TryParse(packet, out header, out payloadOffset, out _);

    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header, out int payloadOffset, out RtpParseError error)
    {
        header = default;
        payloadOffset = 0;
        if (packet.Length < FixedLength)
        {
            error = RtpParseError.TooShort;
            return false;
        }
        var first = packet[0];
        if (first >> 6 != Version)
        {
            error = RtpParseError.BadVersion;
            return false;
        }
        var hasPadding = (first & 0x20) != 0;
        var hasExtension = (first & 0x10) != 0;
        var csrcCount = first & 0x0F;
        var offset = FixedLength + 4 * csrcCount;
        if (packet.Length < offset)
        {
            error = RtpParseError.TruncatedCsrc;
            return false;
        }
        if (hasExtension)
        {
            if (packet.Length < offset + 4)
            {
                error = RtpParseError.TruncatedExtension;
                return false;
            }
            var words = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            offset += 4 + 4 * words;
            if (packet.Length < offset)
            {
                error = RtpParseError.TruncatedExtension;
                return false;
            }
        }
        var padding = 0;
        if (hasPadding)
        {
            padding = packet[^1];
            if (padding == 0 || offset + padding > packet.Length)
            {
                error = RtpParseError.BadPadding;
                return false;
            }
        }
        var second = packet[1];
        header = new RtpHeader(
            (second & 0x80) != 0,
            (byte)(second & 0x7F),
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]))
        {
            CsrcCount = csrcCount,
            HasExtension = hasExtension,
            PaddingLength = padding,
        };
        payloadOffset = offset;
        error = RtpParseError.None;
        return true;
    }

    /// <summary>The payload of a packet whose header this is.</summary>
    public ReadOnlySpan<byte> PayloadOf(ReadOnlySpan<byte> packet, int payloadOffset) =>
        packet[payloadOffset..(packet.Length - PaddingLength)];

    /// <summary>Writes the 12-byte fixed header (no CSRC, extension or padding); returns 12.</summary>
    public int WriteTo(Span<byte> destination)
    {
        if (destination.Length < FixedLength)
        {
            throw new ArgumentException("An RTP header needs 12 bytes.", nameof(destination));
        }
        if (PayloadType > 127)
        {
            throw new InvalidOperationException("The RTP payload type is 7 bits (0-127).");
        }
        destination[0] = Version << 6;
        destination[1] = (byte)((Marker ? 0x80 : 0) | PayloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], SequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], Ssrc);
        return FixedLength;
    }
}
