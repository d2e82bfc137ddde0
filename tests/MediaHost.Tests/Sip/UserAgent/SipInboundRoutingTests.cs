using System.Net;
using VoiceFunctions.MediaHost.Tests.Sip.UserAgent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>Calls we receive through a record-routing proxy: the route set is echoed to the caller and our requests follow it.</summary>
public sealed class SipInboundRoutingTests
{
    private static readonly IPEndPoint ProxyEndpoint = new(IPAddress.Parse("10.0.0.3"), 5062);

    private static string ViaProxy(string request) =>
        request.Replace("Max-Forwards: 70\n", "Max-Forwards: 70\nRecord-Route: <sip:10.0.0.3:5062;lr>, <sip:10.0.0.8;lr>\n");

    [Fact]
    public async Task Our_180_and_200_echo_the_Record_Route_of_the_INVITE()
    {
        using var bed = new SipTestBed();
        bed.Peer.Send(ViaProxy(FakeSipPeer.Request("INVITE", "rr-1", 1, "z9hG4bK-rr1", body: FakeSipPeer.Sdp)));
        var call = await bed.Handler.NextAsync().AsTask().DefaultTimeout();
        await call.AnswerAsync(CancellationToken.None);

        Assert.Equal(["<sip:10.0.0.3:5062;lr>", "<sip:10.0.0.8;lr>"], Assert.Single(bed.Peer.Responses(180)).Headers.GetAll("Record-Route"));
        Assert.Equal(["<sip:10.0.0.3:5062;lr>", "<sip:10.0.0.8;lr>"], Assert.Single(bed.Peer.Responses(200)).Headers.GetAll("Record-Route"));
    }

    [Fact]
    public async Task Our_BYE_goes_to_the_first_recorded_route_and_names_the_callers_Contact()
    {
        using var bed = new SipTestBed();
        var proxy = new FakeSipPeer(bed.Network, ProxyEndpoint, SipTestBed.UaEndpoint);
        bed.Peer.Send(ViaProxy(FakeSipPeer.Request("INVITE", "rr-2", 1, "z9hG4bK-rr2", body: FakeSipPeer.Sdp)));
        var call = await bed.Handler.NextAsync().AsTask().DefaultTimeout();
        var session = await call.AnswerAsync(CancellationToken.None);
        var tag = bed.Peer.Responses(200).Last().To!.Tag!;
        bed.Peer.Send(FakeSipPeer.Request("ACK", "rr-2", 1, "z9hG4bK-rr2ack", tag));

        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);

        var bye = Assert.Single(proxy.Requests("BYE"));
        Assert.Equal("sip:caller@10.0.0.2:5060", bye.RequestUri);
        Assert.Equal(["<sip:10.0.0.3:5062;lr>", "<sip:10.0.0.8;lr>"], bye.Headers.GetAll("Route"));
        Assert.Empty(bed.Peer.Requests("BYE"));
    }
}
