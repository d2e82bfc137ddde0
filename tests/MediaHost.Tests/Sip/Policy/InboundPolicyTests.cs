using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Tests.Sip.Policy;

/// <summary>The inbound policy in front of the user agent: allow-list, numbers, rate limits and bans.</summary>
public sealed class InboundPolicyTests
{
    private static (SipTestBed Bed, InboundPolicy Policy) Build(InboundPolicyOptions options)
    {
        var time = new FakeTimeProvider();
        var policy = new InboundPolicy(options, time, NullLogger.Instance);
        var bed = new SipTestBed(policy: policy);
        return (bed, policy);
    }

    [Fact]
    public void A_source_outside_the_allow_list_gets_no_response_at_all()
    {
        var (bed, _) = Build(new InboundPolicyOptions { AllowedNetworks = ["192.0.2.0/24"] });
        using var _ = bed;
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "scan-1", 1, "z9hG4bK-s"));
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "scan-2", 1, "z9hG4bK-t", body: FakeSipPeer.Sdp));
        Assert.Empty(bed.Peer.Received);
        Assert.Equal(2, bed.Metrics.Get("sip_rejected_sources_total"));
    }

    [Fact]
    public void A_source_outside_the_allow_list_gets_403_when_configured()
    {
        var (bed, _) = Build(new InboundPolicyOptions { AllowedNetworks = ["192.0.2.0/24"], RejectUnlistedWith403 = true });
        using var _ = bed;
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "scan-3", 1, "z9hG4bK-s"));
        Assert.Single(bed.Peer.Responses(403));
    }

    [Fact]
    public void A_listed_network_is_served()
    {
        var (bed, _) = Build(new InboundPolicyOptions { AllowedNetworks = ["10.0.0.0/8"] });
        using var _ = bed;
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "ok-1", 1, "z9hG4bK-s"));
        Assert.Single(bed.Peer.Responses(200));
    }

    [Fact]
    public void A_flooding_source_is_banned_and_forgiven_after_the_ban()
    {
        var time = new FakeTimeProvider();
        var policy = new InboundPolicy(new InboundPolicyOptions { MaxRequestsPerMinute = 5, BanDuration = TimeSpan.FromMinutes(2) }, time, NullLogger.Instance);
        using var bed = new SipTestBed(policy: policy);
        for (var i = 0; i < 20; i++)
        {
            bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "flood-" + i, 1, "z9hG4bK-f" + i));
        }
        Assert.Equal(5, bed.Peer.Responses(200).Count());
        Assert.True(policy.IsBanned(SipTestBed.PeerEndpoint.Address));

        time.Advance(TimeSpan.FromMinutes(3));
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "after-ban", 1, "z9hG4bK-after"));
        Assert.Equal(6, bed.Peer.Responses(200).Count());
    }

    [Fact]
    public void Calls_beyond_the_per_minute_limit_get_503_saying_to_come_back_in_a_minute()
    {
        var (bed, _) = Build(new InboundPolicyOptions { MaxCallsPerMinute = 1 });
        using var _ = bed;
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "rate-1", 1, "z9hG4bK-r1", body: FakeSipPeer.Sdp));
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "rate-2", 1, "z9hG4bK-r2", body: FakeSipPeer.Sdp));
        var refused = Assert.Single(bed.Peer.Responses(503));
        Assert.Contains("call rate limit", refused.ReasonPhrase);
        Assert.Equal("60", refused.Headers.Get("Retry-After"));
        Assert.Single(bed.Peer.Responses(180));
    }

    [Fact]
    public void Calls_beyond_the_per_hour_limit_get_503_saying_to_come_back_in_an_hour()
    {
        var (bed, _) = Build(new InboundPolicyOptions { MaxCallsPerHour = 1 });
        using var _ = bed;
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "hour-1", 1, "z9hG4bK-h1", body: FakeSipPeer.Sdp));
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "hour-2", 1, "z9hG4bK-h2", body: FakeSipPeer.Sdp));
        Assert.Equal("3600", Assert.Single(bed.Peer.Responses(503)).Headers.Get("Retry-After"));
    }

    [Fact]
    public void A_number_we_do_not_serve_gets_404()
    {
        var (bed, _) = Build(new InboundPolicyOptions { AcceptedNumbers = ["+1 555 000 9999"] });
        using var _ = bed;
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "num-1", 1, "z9hG4bK-n", body: FakeSipPeer.Sdp));
        Assert.Single(bed.Peer.Responses(404));
    }

    [Fact]
    public void Repeated_authentication_failures_ban_the_source()
    {
        var policy = new InboundPolicy(new InboundPolicyOptions { MaxFailedAuthenticationsPerMinute = 2 }, new FakeTimeProvider(), NullLogger.Instance);
        var source = new IPEndPoint(IPAddress.Parse("198.51.100.9"), 5060);
        policy.AuthenticationFailed(source);
        policy.AuthenticationFailed(source);
        Assert.False(policy.IsBanned(source.Address));
        policy.AuthenticationFailed(source);
        Assert.True(policy.IsBanned(source.Address));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("not-a-network")]
    public void A_bad_network_in_the_allow_list_is_refused_with_its_text(string network)
    {
        var error = Assert.Throws<FormatException>(() => InboundPolicy.ParseNetwork(network));
        Assert.Contains(network, error.Message);
    }
}
