using System.Buffers.Binary;

namespace VoiceFunctions.MediaHost.Rtp.Srtp;

/// <summary>Where an RTP packet's payload starts (after CSRCs and any header extension), which SRTP leaves in clear.</summary>
internal static class SrtpHeader
{
    /// <summary>The header length, or -1 when the packet is not RTP version 2 or its header runs past <paramref name="length"/>.</summary>
    public static int Length(ReadOnlySpan<byte> packet, int length)
    {
        if (length < 12 || packet[0] >> 6 != 2)
        {
            return -1;
        }
        var header = 12 + 4 * (packet[0] & 0x0F);
        if ((packet[0] & 0x10) != 0)
        {
            if (header + 4 > length)
            {
                return -1;
            }
            header += 4 + 4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(header + 2)..]);
        }
        return header <= length ? header : -1;
    }
}
