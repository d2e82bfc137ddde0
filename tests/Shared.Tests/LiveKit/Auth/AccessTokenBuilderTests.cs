using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Shared.Tests.LiveKit.Auth;

public sealed class AccessTokenBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly LiveKitCredentials _credentials = new("APIkey123", TestJwt.NewSecret());

    private AccessTokenBuilder Builder() => new(_credentials, _time);

    [Fact]
    public void Header_is_HS256_JWT()
    {
        var header = TestJwt.Header(Builder().ToJwt());

        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.GetProperty("typ").GetString());
    }

    [Fact]
    public void Registered_claims_are_issuer_subject_and_times_in_unix_seconds_with_six_hour_default_ttl()
    {
        var payload = TestJwt.Payload(Builder().WithIdentity("alice").ToJwt());

        var now = Now.ToUnixTimeSeconds();
        Assert.Equal("APIkey123", payload.GetProperty("iss").GetString());
        Assert.Equal("alice", payload.GetProperty("sub").GetString());
        Assert.Equal(now, payload.GetProperty("nbf").GetInt64());
        Assert.Equal(now, payload.GetProperty("iat").GetInt64());
        Assert.Equal(now + 6 * 3600, payload.GetProperty("exp").GetInt64());
    }

    [Fact]
    public void Ttl_sets_expiry_from_the_injected_clock()
    {
        _time.Advance(TimeSpan.FromSeconds(42));
        var payload = TestJwt.Payload(Builder().WithTtl(TimeSpan.FromMinutes(5)).ToJwt());

        Assert.Equal(Now.ToUnixTimeSeconds() + 42 + 300, payload.GetProperty("exp").GetInt64());
    }

    [Fact]
    public void Every_video_grant_is_written_with_LiveKits_claim_name()
    {
        var grant = new VideoGrant
        {
            RoomCreate = true, RoomList = true, RoomRecord = true, RoomAdmin = true, RoomJoin = true, Room = "r1",
            CanPublish = false, CanSubscribe = true, CanPublishData = false,
            CanPublishSources = [VideoGrant.Sources.Microphone, VideoGrant.Sources.Camera],
            CanUpdateOwnMetadata = true, IngressAdmin = true, Hidden = true, Recorder = true, Agent = true,
            CanSubscribeMetrics = true, CanManageAgentSession = true, DestinationRoom = "r2",
        };

        var video = TestJwt.Payload(Builder().WithIdentity("a").WithVideoGrant(grant).ToJwt()).GetProperty("video");

        var names = video.EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(
            new[]
            {
                "agent", "canManageAgentSession", "canPublish", "canPublishData", "canPublishSources", "canSubscribe",
                "canSubscribeMetrics", "canUpdateOwnMetadata", "destinationRoom", "hidden", "ingressAdmin", "recorder",
                "room", "roomAdmin", "roomCreate", "roomJoin", "roomList", "roomRecord",
            },
            names);
        Assert.False(video.GetProperty("canPublish").GetBoolean());
        Assert.Equal("r1", video.GetProperty("room").GetString());
        Assert.Equal("r2", video.GetProperty("destinationRoom").GetString());
        Assert.Equal(["microphone", "camera"], video.GetProperty("canPublishSources").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Grants_left_unset_are_absent_not_false()
    {
        var payload = TestJwt.Payload(Builder().WithVideoGrant(new VideoGrant { RoomList = true }).ToJwt());

        Assert.Equal(["roomList"], payload.GetProperty("video").EnumerateObject().Select(p => p.Name));
        Assert.False(payload.TryGetProperty("sip", out _));
        Assert.False(payload.TryGetProperty("sub", out _));
        Assert.False(payload.TryGetProperty("name", out _));
        Assert.False(payload.TryGetProperty("roomConfig", out _));
    }

    [Fact]
    public void Identity_name_metadata_attributes_kind_sip_and_sha256_use_LiveKits_claim_names()
    {
        var jwt = Builder()
            .WithIdentity("agent-1")
            .WithName("Agent One")
            .WithMetadata("{\"m\":1}")
            .WithAttributes(new Dictionary<string, string> { ["a"] = "b", ["sip.callID"] = "SCL_1" })
            .WithKind(ParticipantKind.Agent)
            .WithSipGrant(new SipGrant { Admin = true, Call = false })
            .WithSha256("w9NV0uLHjSON8P7eonnkKXDHY4ICORefbHDCviKIgX8=")
            .ToJwt();

        var payload = TestJwt.Payload(jwt);
        Assert.Equal("agent-1", payload.GetProperty("sub").GetString());
        Assert.Equal("Agent One", payload.GetProperty("name").GetString());
        Assert.Equal("{\"m\":1}", payload.GetProperty("metadata").GetString());
        Assert.Equal("SCL_1", payload.GetProperty("attributes").GetProperty("sip.callID").GetString());
        Assert.Equal("agent", payload.GetProperty("kind").GetString());
        Assert.True(payload.GetProperty("sip").GetProperty("admin").GetBoolean());
        Assert.False(payload.GetProperty("sip").GetProperty("call").GetBoolean());
        Assert.Equal("w9NV0uLHjSON8P7eonnkKXDHY4ICORefbHDCviKIgX8=", payload.GetProperty("sha256").GetString());
    }

    [Theory]
    [InlineData(ParticipantKind.Standard, "standard")]
    [InlineData(ParticipantKind.Sip, "sip")]
    [InlineData(ParticipantKind.Agent, "agent")]
    [InlineData(ParticipantKind.Ingress, "ingress")]
    [InlineData(ParticipantKind.Egress, "egress")]
    [InlineData(ParticipantKind.Connector, "connector")]
    [InlineData(ParticipantKind.Bridge, "bridge")]
    public void Kind_is_written_lower_case_as_LiveKit_expects(ParticipantKind kind, string expected)
    {
        var payload = TestJwt.Payload(Builder().WithKind(kind).ToJwt());

        Assert.Equal(expected, payload.GetProperty("kind").GetString());
    }

    [Fact]
    public void Room_configuration_carries_agent_dispatch_in_camel_case()
    {
        var config = new RoomConfiguration
        {
            Name = "call-1",
            EmptyTimeout = 60,
            DepartureTimeout = 20,
            MaxParticipants = 3,
            Agents = [new RoomAgentDispatch { AgentName = "voice-agent", Metadata = "{\"lang\":\"en\"}" }],
        };

        var roomConfig = TestJwt.Payload(Builder().WithRoomConfiguration(config).ToJwt()).GetProperty("roomConfig");

        Assert.Equal("call-1", roomConfig.GetProperty("name").GetString());
        Assert.Equal(60, roomConfig.GetProperty("emptyTimeout").GetInt32());
        Assert.Equal(20, roomConfig.GetProperty("departureTimeout").GetInt32());
        Assert.Equal(3, roomConfig.GetProperty("maxParticipants").GetInt32());
        var agent = Assert.Single(roomConfig.GetProperty("agents").EnumerateArray());
        Assert.Equal("voice-agent", agent.GetProperty("agentName").GetString());
        Assert.Equal("{\"lang\":\"en\"}", agent.GetProperty("metadata").GetString());
    }

    [Fact]
    public void Join_grant_without_identity_is_refused()
    {
        var builder = Builder().WithVideoGrant(new VideoGrant { RoomJoin = true, Room = "r" });

        Assert.Throws<InvalidOperationException>(() => builder.ToJwt());
    }

    [Fact]
    public void Short_development_secret_is_accepted_and_verifies()
    {
        var credentials = new LiveKitCredentials("devkey", "secret");
        var jwt = new AccessTokenBuilder(credentials, _time).WithIdentity("a").ToJwt();

        var result = new TokenVerifier(credentials, _time).Verify(jwt);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void Payload_is_plain_JSON_of_base64url_without_padding()
    {
        var jwt = Builder().WithIdentity("ü-identity/with+chars?").ToJwt();

        Assert.DoesNotContain('=', jwt);
        Assert.DoesNotContain('+', jwt);
        Assert.DoesNotContain('/', jwt);
        Assert.Equal("ü-identity/with+chars?", TestJwt.Payload(jwt).GetProperty("sub").GetString());
        Assert.Equal(JsonValueKind.Object, TestJwt.Payload(jwt).ValueKind);
    }
}
