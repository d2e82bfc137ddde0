using VoiceFunctions.MediaHost.Rtp.Srtp;

namespace VoiceFunctions.MediaHost.Tests.Rtp.Srtp;

/// <summary>
/// SRTCP (RFC 3711 section 3.4) as the media session meets it: the E flag and index, replay protection, tampering
/// refused and counted apart from SRTP, and the peers that tag SRTCP with the RTP tag length under the 32-bit suite.
/// </summary>
public sealed class SrtcpReceiverTests
{
    // A receiver report with one SDES CNAME chunk: what the media session sends every few seconds.
    private static byte[] Report(int room = 128)
    {
        var packet = new byte[room];
        Convert.FromHexString("81C90007CAFEBABE" + "DEADBEEF00000000000000000000000000000000000000" + "81CA0003CAFEBABE01026D6800000000")
            .CopyTo(packet, 0);
        return packet;
    }

    private const int ReportLength = 8 + 24 + 16;

    [Theory]
    [InlineData("AES_CM_128_HMAC_SHA1_80")]
    [InlineData("AES_CM_128_HMAC_SHA1_32")]
    public void A_report_protects_with_the_E_flag_index_and_80_bit_tag_and_reads_back(string suite)
    {
        var keys = SdesCrypto.Generate(1, SrtpSuite.Find(suite)!);
        using var sender = keys.CreateSender();
        using var receiver = keys.CreateReceiver();
        var packet = Report();
        var plain = packet[..ReportLength];

        var length = sender.ProtectRtcp(packet, ReportLength);

        Assert.Equal(ReportLength + 4 + 10, length);
        Assert.Equal(0x80, packet[ReportLength] & 0x80); // E: the report is encrypted after its first 8 bytes
        Assert.NotEqual(plain[8..], packet[8..ReportLength]);
        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtcp(packet, length, out var plainLength));
        Assert.Equal(plain, packet[..plainLength]);
        Assert.Equal((1L, 0L), (receiver.RtcpAccepted, receiver.RtcpRefused));
    }

    [Theory]
    [InlineData(3)]   // the encrypted report
    [InlineData(-12)] // the E flag and index
    [InlineData(-1)]  // the tag
    public void A_tampered_report_is_refused_counted_as_SRTCP_and_left_encrypted(int offsetFromStartOrEnd)
    {
        var keys = SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_80);
        using var sender = keys.CreateSender();
        using var receiver = keys.CreateReceiver();
        var packet = Report();
        var length = sender.ProtectRtcp(packet, ReportLength);
        packet[offsetFromStartOrEnd >= 0 ? 8 + offsetFromStartOrEnd : length + offsetFromStartOrEnd] ^= 0x01;
        var before = packet[..length];

        Assert.NotEqual(SrtpStatus.Ok, receiver.UnprotectRtcp(packet, length, out _));

        Assert.Equal((0L, 1L), (receiver.RtcpAccepted, receiver.RtcpRefused));
        Assert.Equal(before, packet[..length]);
    }

    [Fact]
    public void A_replayed_report_is_refused_and_counted()
    {
        var keys = SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_80);
        using var sender = keys.CreateSender();
        using var receiver = keys.CreateReceiver();
        var packet = Report();
        var length = sender.ProtectRtcp(packet, ReportLength);
        var copy = packet.ToArray();

        Assert.Equal(SrtpStatus.Ok, receiver.UnprotectRtcp(packet, length, out _));
        Assert.Equal(SrtpStatus.Replayed, receiver.UnprotectRtcp(copy, length, out _));
        Assert.Equal((1L, 1L, 1L), (receiver.RtcpAccepted, receiver.RtcpRefused, receiver.Replays));
    }

    [Fact]
    public void A_plain_RTCP_packet_is_refused_as_malformed_not_read()
    {
        var keys = SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_80);
        using var receiver = keys.CreateReceiver();
        // An RTCP APP packet of 16 bytes (a NAT pinhole "PING" some phones send before their SRTP starts).
        var app = Convert.FromHexString("80CC000312345678" + "50494E47" + "504F4E47");

        Assert.Equal(SrtpStatus.Malformed, receiver.UnprotectRtcp(app, app.Length, out _));
        Assert.Equal((1L, 1L), (receiver.Malformed, receiver.RtcpRefused));
    }

    [Fact]
    public void Under_the_32_bit_suite_a_peer_tagging_SRTCP_with_4_bytes_is_read_and_our_reports_follow_its_layout()
    {
        var theirs = SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_32);
        var ours = SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_32);
        using var session = new SrtpSession(new MediaModel.MediaEncryptionKeys(ours.Suite.Name, ours.MasterKey, ours.MasterSalt, theirs.MasterKey, theirs.MasterSalt));
        using var peer = theirs.CreateSender();
        using var peerReceiver = ours.CreateReceiver();
        peer.RtcpTagLength = 4; // libre's layout
        var fromPeer = Report();
        var length = peer.ProtectRtcp(fromPeer, ReportLength);

        Assert.True(session.TryUnprotectRtcp(fromPeer.AsSpan(0, length), out var read));
        Assert.Equal(Report()[..ReportLength], read.ToArray());

        var toPeer = Report();
        var sent = session.ProtectRtcp(toPeer, ReportLength);
        Assert.Equal(ReportLength + 4 + 4, sent);
        Assert.Equal(SrtpStatus.Ok, peerReceiver.UnprotectRtcp(toPeer, sent, out _));
        Assert.Equal(4, peerReceiver.PeerRtcpTagLength);
    }

    [Fact]
    public void Under_the_80_bit_suite_a_4_byte_SRTCP_tag_is_refused()
    {
        var keys = SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_80);
        using var peer = keys.CreateSender();
        using var receiver = keys.CreateReceiver();
        peer.RtcpTagLength = 4;
        var packet = Report();
        var length = peer.ProtectRtcp(packet, ReportLength);

        Assert.Equal(SrtpStatus.AuthenticationFailed, receiver.UnprotectRtcp(packet, length, out _));
        Assert.Equal(10, receiver.PeerRtcpTagLength);
    }
}
