using System.Text;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>Requests outside calls: OPTIONS probes, unknown methods, malformed input, stray in-dialog requests.</summary>
public sealed class SipUserAgentRequestTests
{
    [Fact]
    public void OPTIONS_is_answered_200_with_Allow_and_Accept()
    {
        using var bed = new SipTestBed();
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "opt-1", 1, "z9hG4bK-o"));
        var ok = Assert.Single(bed.Peer.Responses(200));
        Assert.Contains("INVITE", ok.Headers.Get("Allow"));
        Assert.Contains("BYE", ok.Headers.GetAll("Allow"));
        Assert.Contains("application/sdp", ok.Headers.Get("Accept"));
        Assert.Equal(1, bed.Metrics.Get("sip_responses_total{method=\"OPTIONS\",code=\"200\"}"));
    }

    [Fact]
    public void An_unknown_method_is_answered_501()
    {
        using var bed = new SipTestBed();
        bed.Peer.Send(FakeSipPeer.Request("FROBNICATE", "unk-1", 1, "z9hG4bK-u"));
        Assert.Single(bed.Peer.Responses(501));
        Assert.Equal(1, bed.Metrics.Get("sip_requests_total{method=\"other\"}"));
    }

    [Fact]
    public void A_malformed_request_is_answered_400_with_the_parsers_reason()
    {
        using var bed = new SipTestBed();
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "bad-1", 1, "z9hG4bK-b").Replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"));
        var bad = Assert.Single(bed.Peer.Responses(400));
        Assert.Contains("CSeq method INVITE does not match", bad.ReasonPhrase);
    }

    [Fact]
    public void Binary_garbage_gets_no_answer_at_all()
    {
        using var bed = new SipTestBed();
        bed.Peer.SendRaw(Encoding.ASCII.GetBytes("\x16\x03\x01 not sip at all\r\n\r\n"));
        Assert.Empty(bed.Peer.Received);
        Assert.Equal(1, bed.Metrics.Get("sip_malformed_total"));
    }

    [Fact]
    public void A_BYE_for_no_dialog_is_answered_481()
    {
        using var bed = new SipTestBed();
        bed.Peer.Send(FakeSipPeer.Request("BYE", "ghost", 2, "z9hG4bK-g", "no-such-tag"));
        Assert.Single(bed.Peer.Responses(481));
    }
}
