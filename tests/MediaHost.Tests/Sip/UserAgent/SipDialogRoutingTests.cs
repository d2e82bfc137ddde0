using System.Net;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>RFC 3261 section 12.2.1.1: how an in-dialog request is addressed and where it is sent.</summary>
public sealed class SipDialogRoutingTests
{
    private static SipDialog Dialog(params string[] routeSet) => new()
    {
        CallId = "c1",
        LocalTag = "ours",
        RemoteTag = "theirs",
        LocalAddress = "<sip:agent@192.0.2.1>",
        RemoteAddress = "<sip:+15550001111@provider.example>",
        RemoteTarget = "sip:callee@198.51.100.7:5070;transport=udp",
        RouteSet = [.. routeSet],
        LocalCSeq = 1,
    };

    [Fact]
    public void Without_a_route_set_requests_go_to_the_remote_target_with_no_Route()
    {
        var dialog = Dialog();
        var bye = dialog.CreateRequest("BYE", "<sip:agent@192.0.2.1>");

        Assert.Equal("sip:callee@198.51.100.7:5070;transport=udp", bye.RequestUri);
        Assert.Empty(bye.Headers.GetAll(SipHeaderNames.Route));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("198.51.100.7"), 5070), SipNextHop.For(dialog, new IPEndPoint(IPAddress.Loopback, 1)));
    }

    [Fact]
    public void Loose_routes_are_sent_in_order_and_the_request_goes_to_the_first_one()
    {
        var dialog = Dialog("<sip:p2.example;lr>", "<sip:203.0.113.9:5080;lr>");
        dialog.RouteSet.Reverse(); // a UAC's route set is the 2xx's Record-Route reversed
        var bye = dialog.CreateRequest("BYE", "<sip:agent@192.0.2.1>");

        Assert.Equal("sip:callee@198.51.100.7:5070;transport=udp", bye.RequestUri);
        Assert.Equal(["<sip:203.0.113.9:5080;lr>", "<sip:p2.example;lr>"], bye.Headers.GetAll(SipHeaderNames.Route));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.9"), 5080), SipNextHop.For(dialog, new IPEndPoint(IPAddress.Loopback, 1)));
    }

    [Fact]
    public void A_strict_router_becomes_the_Request_URI_and_the_remote_target_the_last_Route()
    {
        var dialog = Dialog("<sip:203.0.113.9;method=INVITE>", "<sip:p2.example;lr>");
        var ack = dialog.CreateAck(1);

        Assert.Equal("sip:203.0.113.9", ack.RequestUri);
        Assert.Equal(["<sip:p2.example;lr>", "<sip:callee@198.51.100.7:5070;transport=udp>"], ack.Headers.GetAll(SipHeaderNames.Route));
        Assert.Equal("1 ACK", ack.Headers.Get(SipHeaderNames.CSeq));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.9"), 5060), SipNextHop.For(dialog, new IPEndPoint(IPAddress.Loopback, 1)));
    }

    [Fact]
    public void The_ACK_for_a_2xx_keeps_the_INVITEs_CSeq_number_and_does_not_advance_the_dialogs()
    {
        var dialog = Dialog();
        var ack = dialog.CreateAck(7);

        Assert.Equal("7 ACK", ack.Headers.Get(SipHeaderNames.CSeq));
        Assert.Equal(1, dialog.LocalCSeq);
        Assert.Equal("<sip:+15550001111@provider.example>;tag=theirs", ack.Headers.Get(SipHeaderNames.To));
    }

    [Theory]
    [InlineData("sip:x@10.0.0.1;maddr=192.0.2.55", "192.0.2.55:5060")]
    [InlineData("sips:x@192.0.2.8", "192.0.2.8:5061")]
    [InlineData("sip:x@[2001:db8::1]:5099", "[2001:db8::1]:5099")]
    public void The_next_hop_address_honours_maddr_default_ports_and_IPv6(string uri, string expected)
    {
        Assert.True(SipNextHop.TryResolve(uri, out var endpoint));
        Assert.Equal(IPEndPoint.Parse(expected), endpoint);
    }

    [Fact]
    public void A_host_name_next_hop_falls_back_to_the_address_the_dialog_was_set_up_with()
    {
        var dialog = Dialog("<sip:proxy.provider.example;lr>");
        var fallback = new IPEndPoint(IPAddress.Parse("198.51.100.1"), 5060);

        Assert.False(SipNextHop.TryResolve("sip:proxy.provider.example;lr", out _));
        Assert.Equal(fallback, SipNextHop.For(dialog, fallback));
    }
}
