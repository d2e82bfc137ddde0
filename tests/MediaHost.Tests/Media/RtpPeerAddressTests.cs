using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Media;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>Symmetric RTP: where a call's RTP and RTCP go, from the SDP and from the peer's first packet.</summary>
public sealed class RtpPeerAddressTests
{
    private static readonly IPEndPoint Signalled = new(IPAddress.Parse("192.0.2.10"), 40000);
    private static readonly IPEndPoint Nat = new(IPAddress.Parse("198.51.100.7"), 61000);

    [Fact]
    public void RTP_goes_to_the_signalled_address_and_RTCP_to_the_next_port()
    {
        var peer = new RtpPeerAddress(AddressFamily.InterNetwork);

        peer.UseSignalled(Signalled);

        Assert.Equal(Signalled, peer.Endpoint);
        Assert.Equal(Signalled.Serialize(), peer.Rtp);
        Assert.Equal(new IPEndPoint(Signalled.Address, 40001).Serialize(), peer.Rtcp);
    }

    [Fact]
    public void The_first_packet_from_another_address_is_learned_and_later_packets_do_not_move_it()
    {
        var peer = new RtpPeerAddress(AddressFamily.InterNetwork);
        peer.UseSignalled(Signalled);

        peer.LatchOnce(Nat.Serialize());
        peer.LatchOnce(new IPEndPoint(IPAddress.Parse("203.0.113.9"), 5004).Serialize()); // a stray: not followed

        Assert.Equal(Nat, peer.Endpoint);
        Assert.Equal(new IPEndPoint(Nat.Address, 61001).Serialize(), peer.Rtcp);
        Assert.Equal(1, peer.Learned);
    }

    [Fact]
    public void A_first_packet_from_the_signalled_address_learns_nothing_and_a_new_SDP_address_is_learned_again()
    {
        var peer = new RtpPeerAddress(AddressFamily.InterNetwork);
        peer.UseSignalled(Signalled);
        peer.LatchOnce(Signalled.Serialize());

        var moved = new IPEndPoint(IPAddress.Parse("192.0.2.20"), 42000);
        peer.UseSignalled(moved);
        peer.LatchOnce(Nat.Serialize());

        Assert.Equal(Nat, peer.Endpoint);
        Assert.Equal(1, peer.Learned);
    }

    [Fact]
    public void An_SDP_without_an_address_leaves_nowhere_to_send_until_the_peer_sends()
    {
        var peer = new RtpPeerAddress(AddressFamily.InterNetwork);

        peer.UseSignalled(new IPEndPoint(IPAddress.Any, 0));
        Assert.Null(peer.Endpoint);

        peer.LatchOnce(Nat.Serialize());
        Assert.Equal(Nat, peer.Endpoint);
    }
}
