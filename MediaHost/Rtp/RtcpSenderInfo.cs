namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>The sender-info section of an SR (RFC 3550 §6.4.1): wall clock, RTP clock and counts.</summary>
public readonly record struct RtcpSenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    public const int Length = 20;

    /// <summary>The middle 32 bits of the NTP timestamp, which a receiver echoes as LSR.</summary>
    public uint CompactNtp => (uint)(NtpTimestamp >> 16);
}
