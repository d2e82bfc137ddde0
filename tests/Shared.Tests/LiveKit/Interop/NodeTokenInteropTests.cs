using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Interop;

/// <summary>
/// Our tokens against the official Node SDK (tests/node/livekit-tokens.mjs), both ways. Node checks
/// times against the real clock, so these tests use the system clock.
/// </summary>
public sealed class NodeTokenInteropTests
{
    private readonly LiveKitCredentials _credentials = new("APIinterop", TestJwt.NewSecret());

    private static VideoGrant EveryVideoGrant() => new()
    {
        RoomCreate = true, RoomList = true, RoomRecord = true, RoomAdmin = true, RoomJoin = true, Room = "call-1",
        CanPublish = true, CanSubscribe = false, CanPublishData = true,
        CanPublishSources = [VideoGrant.Sources.Microphone, VideoGrant.Sources.ScreenShareAudio],
        CanUpdateOwnMetadata = true, IngressAdmin = true, Hidden = false, Recorder = true, Agent = true,
        CanSubscribeMetrics = true, CanManageAgentSession = true, DestinationRoom = "call-2",
    };

    private JsonObject Request(string op) => new()
    {
        ["op"] = op,
        ["apiKey"] = _credentials.ApiKey,
        ["apiSecret"] = _credentials.ApiSecret,
    };

    [SkippableFact]
    public async Task CSharp_token_with_every_claim_verifies_in_Node_with_the_same_claims()
    {
        var jwt = new AccessTokenBuilder(_credentials, TimeProvider.System)
            .WithIdentity("sip_+15550100")
            .WithName("Phone +15550100")
            .WithMetadata("{\"tenant\":\"t1\"}")
            .WithAttributes(new Dictionary<string, string> { ["sip.callID"] = "SCL_1", ["role"] = "caller" })
            .WithKind(ParticipantKind.Sip)
            .WithVideoGrant(EveryVideoGrant())
            .WithSipGrant(new SipGrant { Admin = true, Call = true })
            .WithRoomConfiguration(new RoomConfiguration { Name = "call-1", EmptyTimeout = 30, Agents = [new RoomAgentDispatch { AgentName = "voice-agent", Metadata = "m" }] })
            .WithTtl(TimeSpan.FromMinutes(10))
            .ToJwt();

        var request = Request("verify");
        request["token"] = jwt;
        var answer = await NodeScript.RunAsync("livekit-tokens.mjs", request);

        Assert.True(answer.GetProperty("ok").GetBoolean(), answer.ToString());
        var claims = answer.GetProperty("claims");
        Assert.Equal(_credentials.ApiKey, claims.GetProperty("iss").GetString());
        Assert.Equal("sip_+15550100", claims.GetProperty("sub").GetString());
        Assert.Equal("Phone +15550100", claims.GetProperty("name").GetString());
        Assert.Equal("{\"tenant\":\"t1\"}", claims.GetProperty("metadata").GetString());
        Assert.Equal("SCL_1", claims.GetProperty("attributes").GetProperty("sip.callID").GetString());
        Assert.Equal("sip", claims.GetProperty("kind").GetString());
        Assert.Equal(600, claims.GetProperty("exp").GetInt64() - claims.GetProperty("nbf").GetInt64());
        AssertJsonEqual(TestJwt.Payload(jwt).GetProperty("video"), claims.GetProperty("video"));
        Assert.True(claims.GetProperty("sip").GetProperty("admin").GetBoolean());
        Assert.True(claims.GetProperty("sip").GetProperty("call").GetBoolean());
        Assert.Equal("voice-agent", claims.GetProperty("roomConfig").GetProperty("agents")[0].GetProperty("agentName").GetString());
    }

    [SkippableFact]
    public async Task Node_token_with_every_claim_verifies_in_CSharp_with_equal_grants()
    {
        var request = Request("mint");
        request["identity"] = "agent-7";
        request["name"] = "Agent Seven";
        request["metadata"] = "md";
        request["attributes"] = new JsonObject { ["lang"] = "en", ["sip.trunkID"] = "ST_1" };
        request["kind"] = "agent";
        request["ttl"] = "10m";
        request["video"] = JsonNode.Parse(JsonSerializer.Serialize(EveryVideoGrant(), TestJson.Options));
        request["sip"] = new JsonObject { ["admin"] = true, ["call"] = false };
        request["roomConfig"] = new JsonObject
        {
            ["name"] = "call-1",
            ["emptyTimeout"] = 30,
            ["maxParticipants"] = 3,
            ["agents"] = new JsonArray(new JsonObject { ["agentName"] = "voice-agent", ["metadata"] = "{\"x\":1}" }),
        };
        var minted = await NodeScript.RunAsync("livekit-tokens.mjs", request);
        var jwt = minted.GetProperty("jwt").GetString()!;

        var result = new TokenVerifier(_credentials, TimeProvider.System).Verify(jwt);

        Assert.True(result.IsValid, result.ToString());
        var claims = result.Claims;
        Assert.Equal("agent-7", claims.Identity);
        Assert.Equal("Agent Seven", claims.Name);
        Assert.Equal("md", claims.Metadata);
        Assert.Equal("agent", claims.Kind);
        Assert.Equal(new Dictionary<string, string> { ["lang"] = "en", ["sip.trunkID"] = "ST_1" }, claims.Attributes);
        Assert.Equal(_credentials.ApiKey, claims.Issuer);
        Assert.Equal(TimeSpan.FromMinutes(10), claims.ExpiresAt - claims.NotBefore);
        Assert.Equal(JsonSerializer.Serialize(EveryVideoGrant(), TestJson.Options), JsonSerializer.Serialize(claims.Video, TestJson.Options));
        Assert.True(claims.Sip!.Admin);
        Assert.False(claims.Sip.Call);
        var config = claims.RoomConfig!;
        Assert.Equal("call-1", config.Name);
        Assert.Equal(30u, config.EmptyTimeout);
        Assert.Equal(3u, config.MaxParticipants);
        var agent = Assert.Single(config.Agents!);
        Assert.Equal("voice-agent", agent.AgentName);
        Assert.Equal("{\"x\":1}", agent.Metadata);
    }

    [SkippableFact]
    public async Task Node_token_signed_with_another_secret_is_refused_by_CSharp_as_bad_signature()
    {
        var request = Request("mint");
        request["apiSecret"] = TestJwt.NewSecret();
        request["identity"] = "a";
        var jwt = (await NodeScript.RunAsync("livekit-tokens.mjs", request)).GetProperty("jwt").GetString()!;

        Assert.Equal(TokenError.BadSignature, new TokenVerifier(_credentials, TimeProvider.System).Verify(jwt).Error);
    }

    [SkippableFact]
    public async Task CSharp_token_signed_with_another_secret_is_refused_by_Node()
    {
        var other = new LiveKitCredentials(_credentials.ApiKey, TestJwt.NewSecret());
        var request = Request("verify");
        request["token"] = new AccessTokenBuilder(other, TimeProvider.System).WithIdentity("a").ToJwt();

        var answer = await NodeScript.RunAsync("livekit-tokens.mjs", request);

        Assert.False(answer.GetProperty("ok").GetBoolean());
        Assert.Equal("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", answer.GetProperty("error").GetString());
    }

    private static void AssertJsonEqual(JsonElement expected, JsonElement actual) =>
        Assert.True(JsonElement.DeepEquals(expected, actual), $"expected {expected} but Node saw {actual}");
}
