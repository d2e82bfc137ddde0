using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.MediaHost.Tests.Sip.UserAgent;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Auth;

/// <summary>Digest on the wire: challenging inbound calls, and keeping a registration alive.</summary>
public sealed class SipAuthenticationFlowTests
{
    [Fact]
    public async Task An_inbound_INVITE_is_challenged_then_accepted_with_the_right_credentials()
    {
        var server = new DigestServer("voice", u => u == "trunk" ? "s3cret" : null, TimeProvider.System);
        using var bed = new SipTestBed(new SipUserAgentOptions { InboundAuthentication = server });
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "auth-1", 1, "z9hG4bK-a1", body: FakeSipPeer.Sdp));
        var challenge = Assert.Single(bed.Peer.Responses(401));
        Assert.Equal(2, challenge.Headers.GetAll("WWW-Authenticate").Count);
        bed.Peer.Send(FakeSipPeer.Request("ACK", "auth-1", 1, "z9hG4bK-a1", challenge.To!.Tag));

        var retry = SipParser.ParseDatagram(System.Text.Encoding.UTF8.GetBytes(
            FakeSipPeer.Request("INVITE", "auth-1", 2, "z9hG4bK-a2", body: FakeSipPeer.Sdp).Replace("\n", "\r\n"))).Message!;
        Assert.True(DigestClient.TryAuthorize(retry, challenge, new DigestCredentials("trunk", "s3cret"), out _));
        bed.Peer.Send(retry);
        var call = await bed.Handler.NextAsync().AsTask().DefaultTimeout();
        Assert.Equal("auth-1", call.Call.CallId);
    }

    [Fact]
    public void Wrong_credentials_are_refused_and_repeated_failures_ban_the_source()
    {
        var time = new FakeTimeProvider();
        var policy = new InboundPolicy(new InboundPolicyOptions { MaxFailedAuthenticationsPerMinute = 2 }, time, NullLogger.Instance);
        var server = new DigestServer("voice", u => u == "trunk" ? "s3cret" : null, time);
        using var bed = new SipTestBed(new SipUserAgentOptions { InboundAuthentication = server }, policy);
        for (var i = 0; i < 4; i++)
        {
            bed.Peer.Send(FakeSipPeer.Request("INVITE", "guess-" + i, 1, "z9hG4bK-g" + i, body: FakeSipPeer.Sdp));
            var challenge = bed.Peer.Responses(401).LastOrDefault();
            if (challenge is null)
            {
                break;
            }
            var guess = SipParser.ParseDatagram(System.Text.Encoding.UTF8.GetBytes(
                FakeSipPeer.Request("INVITE", "guess-" + i, 2, "z9hG4bK-h" + i, body: FakeSipPeer.Sdp).Replace("\n", "\r\n"))).Message!;
            DigestClient.TryAuthorize(guess, challenge, new DigestCredentials("trunk", "guess" + i), out _);
            bed.Peer.Send(guess);
        }
        Assert.True(policy.IsBanned(SipTestBed.PeerEndpoint.Address));
        Assert.Empty(bed.Peer.Responses(180));
    }

    [Fact]
    public void A_registration_answers_the_challenge_refreshes_before_expiry_and_recovers_after_failure()
    {
        using var bed = new SipTestBed();
        var registrar = new DigestServer("provider", u => u == "line1" ? "pw" : null, bed.Time);
        using var registration = new SipRegistration(bed.Agent, bed.Transport,
            new SipRegistrationOptions(SipTestBed.PeerEndpoint, "provider.example", new DigestCredentials("line1", "pw"), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(20)));
        registration.Start();

        var first = Assert.Single(bed.Peer.Requests("REGISTER"));
        Assert.Equal("sip:provider.example", first.RequestUri);
        Assert.Equal("120", first.Headers.Get("Expires"));
        var challenge = SipResponseBuilder.Create(first, 401, "Unauthorized", "reg");
        foreach (var value in registrar.Challenges())
        {
            challenge.Headers.Add("WWW-Authenticate", value);
        }
        bed.Peer.Send(challenge);

        var authorized = bed.Peer.Requests("REGISTER").Last();
        Assert.Equal(DigestVerdict.Valid, registrar.Verify(authorized));
        Assert.True(authorized.CSeq!.Value.Number > first.CSeq!.Value.Number);
        var ok = SipResponseBuilder.Create(authorized, 200, "OK", "reg");
        ok.Headers.Add("Expires", "120");
        bed.Peer.Send(ok);
        Assert.True(registration.IsRegistered);
        Assert.Equal(TimeSpan.FromSeconds(120), registration.GrantedExpiry);

        bed.Time.Advance(TimeSpan.FromSeconds(89));
        Assert.Equal(2, bed.Peer.Requests("REGISTER").Count());
        bed.Time.Advance(TimeSpan.FromSeconds(1)); // refresh 30 s before the 120 s expiry
        var refresh = bed.Peer.Requests("REGISTER").Last();
        Assert.Equal(3, bed.Peer.Requests("REGISTER").Count());

        bed.Peer.Send(SipResponseBuilder.Create(refresh, 503, "Service Unavailable", "reg"));
        Assert.False(registration.IsRegistered);
        Assert.Contains("503", registration.LastFailure);
        bed.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(4, bed.Peer.Requests("REGISTER").Count()); // re-registration after the failure pause
    }
}
