using System.Buffers.Binary;
using VoiceFunctions.MediaHost.Rtp.Srtp;

namespace VoiceFunctions.MediaHost.Tests.Rtp.Srtp;

/// <summary>What the receiver refuses (and counts) and what it lets through: tampering, a wrong key, replays, wraps.</summary>
public sealed class SrtpReceiverTests
{
    private static readonly SdesCrypto Ours = SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_80);

    [Fact]
    public void A_tampered_packet_is_refused_and_counted_and_its_payload_stays_encrypted()
    {
        using var sender = Ours.CreateSender();
        using var receiver = Ours.CreateReceiver();
        var packet = Rtp(1, out var length);
        var protectedLength = sender.ProtectRtp(packet, length);
        packet[20] ^= 0x01;
        var before = packet.AsSpan(0, protectedLength).ToArray();

        Assert.Equal(SrtpStatus.AuthenticationFailed, receiver.UnprotectRtp(packet, protectedLength, out _));
        Assert.Equal(1, receiver.AuthenticationFailures);
        Assert.Equal(before, packet.AsSpan(0, protectedLength).ToArray());
    }

    [Fact]
    public void A_packet_under_another_key_is_refused_and_counted()
    {
        using var sender = SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_80).CreateSender();
        using var receiver = Ours.CreateReceiver();
        var packet = Rtp(1, out var length);

        Assert.Equal(SrtpStatus.AuthenticationFailed, receiver.UnprotectRtp(packet, sender.ProtectRtp(packet, length), out _));
        Assert.Equal(1, receiver.AuthenticationFailures);
    }

    [Fact]
    public void A_replayed_packet_is_refused_and_counted_but_late_packets_inside_the_window_pass()
    {
        using var sender = Ours.CreateSender();
        using var receiver = Ours.CreateReceiver();
        var copies = Enumerable.Range(1, 5).Select(seq =>
        {
            var packet = Rtp((ushort)seq, out var length);
            return (packet, sender.ProtectRtp(packet, length));
        }).ToList();
        var replay = copies[1].packet.ToArray();

        foreach (var index in new[] { 0, 2, 3, 1, 4 })
        {
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(copies[index].packet, copies[index].Item2, out _));
        }
        Assert.Equal(SrtpStatus.Replayed, receiver.UnprotectRtp(replay, copies[1].Item2, out _));
        Assert.Equal(1, receiver.Replays);
    }

    [Fact]
    public void Sequence_numbers_wrapping_past_65535_carry_the_rollover_counter_on_both_sides()
    {
        using var sender = Ours.CreateSender();
        using var receiver = Ours.CreateReceiver();
        foreach (var sequence in new ushort[] { 65534, 65535, 0, 1, 2 })
        {
            var packet = Rtp(sequence, out var length);
            var expected = packet.AsSpan(0, length).ToArray();
            Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(packet, sender.ProtectRtp(packet, length), out var plainLength));
            Assert.Equal(expected, packet.AsSpan(0, plainLength).ToArray());
        }
    }

    [Fact]
    public void A_forged_packet_of_another_SSRC_does_not_reset_the_replay_window()
    {
        using var sender = Ours.CreateSender();
        using var receiver = Ours.CreateReceiver();
        var packet = Rtp(7, out var length);
        var protectedLength = sender.ProtectRtp(packet, length);
        var replay = packet.ToArray();
        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtp(packet, protectedLength, out _));

        var forged = Rtp(8, out _, ssrc: 0xBAD);
        Assert.Equal(SrtpStatus.AuthenticationFailed, receiver.UnprotectRtp(forged, protectedLength, out _));
        Assert.Equal(SrtpStatus.Replayed, receiver.UnprotectRtp(replay, protectedLength, out _));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(21)]
    public void Packets_too_short_for_a_header_and_a_tag_are_refused_as_malformed(int length)
    {
        using var receiver = Ours.CreateReceiver();
        var packet = Rtp(1, out _);
        Assert.Equal(SrtpStatus.Malformed, receiver.UnprotectRtp(packet, length, out _));
        Assert.Equal(1, receiver.Malformed);
    }

    [Fact]
    public void Protecting_and_unprotecting_a_packet_allocates_nothing()
    {
        using var sender = Ours.CreateSender();
        using var receiver = Ours.CreateReceiver();
        var packet = new byte[256];
        for (var warm = 0; warm < 10; warm++)
        {
            RoundTrip(sender, receiver, packet, (ushort)warm);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var sequence = 10; sequence < 1010; sequence++)
        {
            RoundTrip(sender, receiver, packet, (ushort)sequence);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void RoundTrip(SrtpSender sender, SrtpReceiver receiver, byte[] packet, ushort sequence)
    {
        packet[0] = 0x80;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        var length = sender.ProtectRtp(packet, 172);
        if (receiver.UnprotectRtp(packet, length, out _) != SrtpStatus.Ok)
        {
            throw new InvalidOperationException("round trip failed");
        }
    }

    /// <summary>A 172-byte PCMU packet (20 ms) in a buffer with room for the tag.</summary>
    private static byte[] Rtp(ushort sequence, out int length, uint ssrc = 0x1234_5678)
    {
        var packet = new byte[256];
        packet[0] = 0x80;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), sequence * 160u);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        packet.AsSpan(12, 160).Fill(0xD5);
        length = 172;
        return packet;
    }
}
