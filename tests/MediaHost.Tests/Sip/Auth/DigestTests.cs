using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Tests.Sip.Auth;

public sealed class DigestTests
{
    // RFC 7616 section 3.9.1: the same request answered with MD5 and with SHA-256.
    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Responses_match_the_RFC_7616_examples(string algorithm, string expected)
    {
        var response = DigestAlgorithm.Response(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html",
            "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "auth", "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        Assert.Equal(expected, response);
    }

    private static (DigestServer Server, FakeTimeProvider Time) Server(string password = "s3cret")
    {
        var time = new FakeTimeProvider();
        return (new DigestServer("voice", user => user == "trunk" ? password : null, time), time);
    }

    private static SipMessage Invite() => SipMessage.Request("INVITE", "sip:+15550001111@10.0.0.1");

    private static SipMessage Challenge(DigestServer server, int status = 401)
    {
        var response = SipMessage.Response(status, "Unauthorized");
        foreach (var value in server.Challenges())
        {
            response.Headers.Add(status == 401 ? "WWW-Authenticate" : "Proxy-Authenticate", value);
        }
        return response;
    }

    [Fact]
    public void The_server_offers_SHA_256_before_MD5_and_the_client_picks_SHA_256()
    {
        var (server, _) = Server();
        var challenges = server.Challenges();
        Assert.Contains("algorithm=SHA-256", challenges[0]);
        Assert.Contains("algorithm=MD5", challenges[1]);

        var invite = Invite();
        Assert.True(DigestClient.TryAuthorize(invite, Challenge(server), new DigestCredentials("trunk", "s3cret"), out _));
        Assert.Contains("algorithm=SHA-256", invite.Headers.Get("Authorization"));
        Assert.Equal(DigestVerdict.Valid, server.Verify(invite));
    }

    [Fact]
    public void An_MD5_only_challenge_is_answered_with_MD5_and_accepted()
    {
        var (server, _) = Server();
        var response = SipMessage.Response(401, "Unauthorized");
        response.Headers.Add("WWW-Authenticate", server.Challenges()[1]);
        var invite = Invite();
        Assert.True(DigestClient.TryAuthorize(invite, response, new DigestCredentials("trunk", "s3cret"), out _));
        Assert.Contains("algorithm=MD5", invite.Headers.Get("Authorization"));
        Assert.Equal(DigestVerdict.Valid, server.Verify(invite));
    }

    [Fact]
    public void A_407_is_answered_with_Proxy_Authorization()
    {
        var (server, _) = Server();
        var invite = Invite();
        Assert.True(DigestClient.TryAuthorize(invite, Challenge(server, 407), new DigestCredentials("trunk", "s3cret"), out _));
        Assert.NotNull(invite.Headers.Get("Proxy-Authorization"));
        Assert.Equal(DigestVerdict.Valid, server.Verify(invite, proxy: true));
    }

    [Fact]
    public void A_wrong_password_an_unknown_user_and_a_forged_nonce_are_invalid()
    {
        var (server, _) = Server();
        var wrong = Invite();
        DigestClient.TryAuthorize(wrong, Challenge(server), new DigestCredentials("trunk", "guess"), out _);
        Assert.Equal(DigestVerdict.Invalid, server.Verify(wrong));

        var unknown = Invite();
        DigestClient.TryAuthorize(unknown, Challenge(server), new DigestCredentials("admin", "s3cret"), out _);
        Assert.Equal(DigestVerdict.Invalid, server.Verify(unknown));

        var (other, _) = Server();
        var forged = Invite();
        DigestClient.TryAuthorize(forged, Challenge(other), new DigestCredentials("trunk", "s3cret"), out _);
        Assert.Equal(DigestVerdict.Invalid, server.Verify(forged));

        Assert.Equal(DigestVerdict.Missing, server.Verify(Invite()));
    }

    [Fact]
    public void Right_credentials_on_an_old_nonce_are_stale_not_a_failure()
    {
        var (server, time) = Server();
        var invite = Invite();
        DigestClient.TryAuthorize(invite, Challenge(server), new DigestCredentials("trunk", "s3cret"), out _);
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(DigestVerdict.Stale, server.Verify(invite));
    }

    [Fact]
    public void Credentials_never_show_the_password()
    {
        Assert.DoesNotContain("s3cret", new DigestCredentials("trunk", "s3cret").ToString());
    }
}
