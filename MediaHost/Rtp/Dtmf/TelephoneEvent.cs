using System.Buffers.Binary;

namespace VoiceFunctions.MediaHost.Rtp.Dtmf;

/// <summary>
/// The RFC 4733 telephone-event payload: event code, end bit, volume (-dBm0) and duration in RTP timestamp
/// units since the event's start (the packet's RTP timestamp).
/// </summary>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    public const int Length = 4;

    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent telephoneEvent)
    {
        telephoneEvent = default;
        if (payload.Length < Length)
        {
            return false;
        }
        telephoneEvent = new TelephoneEvent(
            payload[0],
            (payload[1] & 0x80) != 0,
            (byte)(payload[1] & 0x3F),
            BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    public int WriteTo(Span<byte> destination)
    {
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Length;
    }

    /// <summary>The DTMF character of an event code (0-9, *, #, A-D), or null for other events.</summary>
    public static char? DigitOf(byte eventCode) => eventCode switch
    {
        <= 9 => (char)('0' + eventCode),
        10 => '*',
        11 => '#',
        <= 15 => (char)('A' + eventCode - 12),
        _ => null,
    };

    /// <summary>The event code of a DTMF character; throws for anything that is not a DTMF key.</summary>
    public static byte CodeOf(char digit) => digit switch
    {
        >= '0' and <= '9' => (byte)(digit - '0'),
        '*' => 10,
        '#' => 11,
        >= 'A' and <= 'D' => (byte)(digit - 'A' + 12),
        >= 'a' and <= 'd' => (byte)(digit - 'a' + 12),
        _ => throw new ArgumentException($"'{digit}' is not a DTMF key (0-9, *, #, A-D).", nameof(digit)),
    };
}
