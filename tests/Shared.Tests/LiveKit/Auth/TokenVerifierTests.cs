using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Shared.Tests.LiveKit.Auth;

public sealed class TokenVerifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly long NowSeconds = Now.ToUnixTimeSeconds();
    private static readonly TimeSpan Leeway = TimeSpan.FromSeconds(10);
    private const string Hs256Header = """{"alg":"HS256","typ":"JWT"}""";

    private readonly FakeTimeProvider _time = new(Now);
    private readonly LiveKitCredentials _current = new("APIcurrent", TestJwt.NewSecret());
    private readonly LiveKitCredentials _previous = new("APIprevious", TestJwt.NewSecret());

    private TokenVerifier Verifier() => new(
        new Dictionary<string, string> { [_current.ApiKey] = _current.ApiSecret, [_previous.ApiKey] = _previous.ApiSecret },
        _time,
        Leeway);

    private string Payload(string extra = "", long? exp = null) =>
        $$"""{"iss":"{{_current.ApiKey}}","sub":"alice","exp":{{exp ?? NowSeconds + 600}}{{extra}}}""";

    [Fact]
    public void Token_from_our_builder_verifies_with_every_claim_intact()
    {
        var jwt = new AccessTokenBuilder(_current, _time)
            .WithIdentity("alice").WithName("Alice").WithMetadata("md").WithKind("sip")
            .WithAttributes(new Dictionary<string, string> { ["sip.trunkID"] = "ST_1" })
            .WithVideoGrant(new VideoGrant { RoomJoin = true, Room = "r1", CanPublishSources = ["microphone"] })
            .WithSipGrant(new SipGrant { Call = true })
            .WithRoomConfiguration(new RoomConfiguration { Agents = [new RoomAgentDispatch { AgentName = "a" }] })
            .WithTtl(TimeSpan.FromMinutes(10))
            .ToJwt();

        var result = Verifier().Verify(jwt);

        Assert.True(result.IsValid, result.ToString());
        var claims = result.Claims;
        Assert.Equal("alice", claims.Identity);
        Assert.Equal("Alice", claims.Name);
        Assert.Equal("md", claims.Metadata);
        Assert.Equal("sip", claims.Kind);
        Assert.Equal("ST_1", claims.Attributes!["sip.trunkID"]);
        Assert.Equal("r1", claims.Video!.Room);
        Assert.Equal(["microphone"], claims.Video.CanPublishSources!);
        Assert.True(claims.Sip!.Call);
        Assert.Null(claims.Sip.Admin);
        Assert.Equal("a", claims.RoomConfig!.Agents![0].AgentName);
        Assert.Equal(_current.ApiKey, claims.Issuer);
        Assert.Equal(Now, claims.NotBefore);
        Assert.Equal(Now, claims.IssuedAt);
        Assert.Equal(Now.AddMinutes(10), claims.ExpiresAt);
    }

    [Fact]
    public void Token_signed_by_a_previous_key_still_verifies_during_rotation()
    {
        var jwt = new AccessTokenBuilder(_previous, _time).WithIdentity("bob").ToJwt();

        var result = Verifier().Verify(jwt);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(_previous.ApiKey, result.Claims.Issuer);
    }

    [Fact]
    public void Identity_falls_back_to_jti_when_sub_is_absent()
    {
        var jwt = TestJwt.Sign(Hs256Header, $$"""{"iss":"{{_current.ApiKey}}","jti":"legacy","exp":{{NowSeconds + 60}}}""", _current.ApiSecret);

        Assert.Equal("legacy", Verifier().Verify(jwt).Claims?.Identity);
    }

    [Fact]
    public void Header_without_typ_as_Node_writes_it_is_accepted()
    {
        var jwt = TestJwt.Sign("""{"alg":"HS256"}""", Payload(), _current.ApiSecret);

        Assert.True(Verifier().Verify(jwt).IsValid);
    }

    [Theory]
    [InlineData("""{"alg":"none","typ":"JWT"}""")]
    [InlineData("""{"alg":"HS512","typ":"JWT"}""")]
    [InlineData("""{"alg":"RS256"}""")]
    [InlineData("""{"alg":"hs256"}""")]
    [InlineData("""{"alg":null}""")]
    [InlineData("""{"typ":"JWT"}""")]
    public void Any_algorithm_but_HS256_is_unsupported(string header)
    {
        var jwt = TestJwt.Sign(header, Payload(), _current.ApiSecret);

        AssertRefused(Verifier().Verify(jwt), TokenError.UnsupportedAlgorithm, jwt);
    }

    [Fact]
    public void Alg_none_token_with_empty_signature_is_refused()
    {
        var jwt = TestJwt.Encode("""{"alg":"none"}""") + "." + TestJwt.Encode(Payload()) + ".";

        var result = Verifier().Verify(jwt);

        Assert.False(result.IsValid);
        Assert.Contains(result.Error, new TokenError?[] { TokenError.Malformed, TokenError.UnsupportedAlgorithm });
    }

    [Fact]
    public void Alg_none_token_with_a_signature_segment_is_unsupported_algorithm()
    {
        var jwt = TestJwt.Encode("""{"alg":"none"}""") + "." + TestJwt.Encode(Payload()) + ".AAAA";

        AssertRefused(Verifier().Verify(jwt), TokenError.UnsupportedAlgorithm, jwt);
    }

    [Fact]
    public void Token_signed_with_another_secret_has_a_bad_signature()
    {
        var jwt = TestJwt.Sign(Hs256Header, Payload(), TestJwt.NewSecret());

        AssertRefused(Verifier().Verify(jwt), TokenError.BadSignature, jwt);
    }

    [Fact]
    public void Token_whose_payload_was_changed_after_signing_has_a_bad_signature()
    {
        var parts = TestJwt.Sign(Hs256Header, Payload(), _current.ApiSecret).Split('.');
        var forged = parts[0] + "." + TestJwt.Encode(Payload(",\"video\":{\"roomAdmin\":true}")) + "." + parts[2];

        AssertRefused(Verifier().Verify(forged), TokenError.BadSignature, forged);
    }

    [Fact]
    public void Truncated_signature_is_a_bad_signature()
    {
        var jwt = TestJwt.Sign(Hs256Header, Payload(), _current.ApiSecret);
        var truncated = jwt[..^4];

        AssertRefused(Verifier().Verify(truncated), TokenError.BadSignature, truncated);
    }

    [Fact]
    public void Unknown_issuer_is_an_unknown_api_key()
    {
        var jwt = TestJwt.Sign(Hs256Header, """{"iss":"APIstranger","exp":9999999999}""", _current.ApiSecret);

        AssertRefused(Verifier().Verify(jwt), TokenError.UnknownApiKey, jwt);
    }

    [Fact]
    public void Missing_issuer_is_an_unknown_api_key()
    {
        var jwt = TestJwt.Sign(Hs256Header, """{"sub":"a","exp":9999999999}""", _current.ApiSecret);

        AssertRefused(Verifier().Verify(jwt), TokenError.UnknownApiKey, jwt);
    }

    [Fact]
    public void Expired_token_beyond_leeway_is_expired()
    {
        var jwt = TestJwt.Sign(Hs256Header, Payload(exp: NowSeconds - 11), _current.ApiSecret);

        AssertRefused(Verifier().Verify(jwt), TokenError.Expired, jwt);
    }

    [Fact]
    public void Token_that_expired_within_the_leeway_is_accepted()
    {
        var jwt = TestJwt.Sign(Hs256Header, Payload(exp: NowSeconds - 10), _current.ApiSecret);

        Assert.True(Verifier().Verify(jwt).IsValid);
    }

    [Fact]
    public void Token_expires_when_the_clock_moves_past_exp_and_leeway()
    {
        var jwt = new AccessTokenBuilder(_current, _time).WithTtl(TimeSpan.FromMinutes(10)).ToJwt();
        var verifier = Verifier();

        _time.Advance(TimeSpan.FromMinutes(10) + Leeway);
        Assert.True(verifier.Verify(jwt).IsValid);

        _time.Advance(TimeSpan.FromSeconds(1));
        AssertRefused(verifier.Verify(jwt), TokenError.Expired, jwt);
    }

    [Fact]
    public void Not_before_in_the_future_beyond_leeway_is_not_yet_valid()
    {
        var jwt = TestJwt.Sign(Hs256Header, Payload($",\"nbf\":{NowSeconds + 11}"), _current.ApiSecret);

        AssertRefused(Verifier().Verify(jwt), TokenError.NotYetValid, jwt);
    }

    [Fact]
    public void Not_before_in_the_future_within_leeway_is_accepted()
    {
        var jwt = TestJwt.Sign(Hs256Header, Payload($",\"nbf\":{NowSeconds + 10}"), _current.ApiSecret);

        Assert.True(Verifier().Verify(jwt).IsValid);
    }

    [Fact]
    public void Token_without_expiry_is_refused_as_missing_expiry()
    {
        var jwt = TestJwt.Sign(Hs256Header, $$"""{"iss":"{{_current.ApiKey}}","sub":"a"}""", _current.ApiSecret);

        AssertRefused(Verifier().Verify(jwt), TokenError.MissingExpiry, jwt);
    }

    [Fact]
    public void Expiry_written_as_a_string_is_read_as_seconds()
    {
        var jwt = TestJwt.Sign(Hs256Header, $$"""{"iss":"{{_current.ApiKey}}","exp":"{{NowSeconds + 5}}"}""", _current.ApiSecret);

        Assert.Equal(Now.AddSeconds(5), Verifier().Verify(jwt).Claims?.ExpiresAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("onlyonesegment")]
    [InlineData("two.segments")]
    [InlineData("four.seg.ments.here")]
    [InlineData(".eyJ9.sig")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9..c2ln")]
    public void Token_without_three_non_empty_segments_is_malformed(string jwt)
    {
        AssertRefused(Verifier().Verify(jwt), TokenError.Malformed, jwt);
    }

    [Theory]
    [InlineData("eyJhbGciOiJIUzI1NiJ9!.eyJ9.c2ln")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJ+.c2ln")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJ9.c2ln/")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJ9.c2ln==")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9 .eyJ9.c2ln")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e.c2ln")]
    public void Segment_that_is_not_base64url_is_malformed(string jwt)
    {
        AssertRefused(Verifier().Verify(jwt), TokenError.Malformed, jwt);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"alg\":\"HS256\"")]
    public void Header_that_is_not_a_JSON_object_is_malformed(string header)
    {
        var jwt = TestJwt.Sign(header, Payload(), _current.ApiSecret);

        AssertRefused(Verifier().Verify(jwt), TokenError.Malformed, jwt);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("""{"iss":"APIcurrent","exp":true}""")]
    [InlineData("""{"iss":"APIcurrent","exp":1.5}""")]
    [InlineData("""{"iss":"APIcurrent","video":"yes","exp":1}""")]
    [InlineData("""{"iss":"APIcurrent","sub":"\uD800","exp":9999999999}""")]
    [InlineData("""{"iss":"APIcurrent","exp":9223372036854775807}""")]
    [InlineData("""{"iss":"APIcurrent","exp":9999999999,"nbf":-99999999999999}""")]
    [InlineData("""{"iss":"APIcurrent","video":{"room":"\uDC00"},"exp":9999999999}""")]
    public void Payload_that_is_not_an_object_of_LiveKit_claims_is_malformed(string payload)
    {
        var jwt = TestJwt.Sign(Hs256Header, payload, _current.ApiSecret);

        AssertRefused(Verifier().Verify(jwt), TokenError.Malformed, jwt);
    }

    [Fact]
    public void Payload_with_invalid_UTF8_in_a_claim_is_malformed()
    {
        var header = TestJwt.Encode(Hs256Header);
        var payload = System.Buffers.Text.Base64Url.EncodeToString(
            [.. "{\"iss\":\"APIcurrent\",\"sub\":\""u8, 0xC3, 0x28, .. "\",\"exp\":9999999999}"u8]);
        var signingInput = header + "." + payload;
        var signature = System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(_current.ApiSecret), System.Text.Encoding.ASCII.GetBytes(signingInput));
        var jwt = signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);

        AssertRefused(Verifier().Verify(jwt), TokenError.Malformed, jwt);
    }

    [Fact]
    public void Verifier_needs_at_least_one_key_and_no_empty_secret()
    {
        Assert.Throws<ArgumentException>(() => new TokenVerifier(new Dictionary<string, string>(), _time, Leeway));
        Assert.Throws<ArgumentException>(() => new TokenVerifier(new Dictionary<string, string> { ["k"] = "" }, _time, Leeway));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenVerifier(new Dictionary<string, string> { ["k"] = "s" }, _time, TimeSpan.FromSeconds(-1)));
    }

    /// <summary>Checks the reason, and that the message leaks neither the token nor any secret.</summary>
    private void AssertRefused(TokenVerificationResult result, TokenError expected, string jwt)
    {
        Assert.False(result.IsValid);
        Assert.Equal(expected, result.Error);
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        if (jwt.Length > 8)
        {
            Assert.DoesNotContain(jwt, result.Message);
            foreach (var segment in jwt.Split('.').Where(s => s.Length > 8))
            {
                Assert.DoesNotContain(segment, result.Message);
            }
        }
        Assert.DoesNotContain(_current.ApiSecret, result.Message);
        Assert.DoesNotContain(_previous.ApiSecret, result.Message);
        Assert.DoesNotContain(_current.ApiSecret, result.ToString());
    }
}
