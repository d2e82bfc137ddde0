using System.Security.Cryptography;
using System.Text.Json.Nodes;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests;

public class TokenCommandTests
{
    private readonly Dictionary<string, string?> _environment = new(CorpusEnvironment.Variables)
    {
        ["LIVEKIT_API_KEY"] = "APItoken" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)),
        ["LIVEKIT_API_SECRET"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    private LiveKitCredentials Credentials => new(_environment["LIVEKIT_API_KEY"]!, _environment["LIVEKIT_API_SECRET"]!);

    [SkippableFact]
    public async Task Created_token_is_accepted_by_the_official_Node_SDK_verifier_with_participant_grants()
    {
        var created = await VoicectlProcess.RunAsync(_environment, "token", "create", "--identity", "caller-1", "--room", "call-42", "--ttl", "15m");
        Assert.True(created.ExitCode == ExitCodes.Ok, created.ToString());

        var answer = await NodeScript.RunAsync("livekit-tokens.mjs", new JsonObject
        {
            ["op"] = "verify",
            ["apiKey"] = Credentials.ApiKey,
            ["apiSecret"] = Credentials.ApiSecret,
            ["token"] = created.Output.Trim(),
        }).DefaultTimeout();

        Assert.True(answer.GetProperty("ok").GetBoolean(), answer.ToString());
        var claims = answer.GetProperty("claims");
        Assert.Equal("caller-1", claims.GetProperty("sub").GetString());
        Assert.Equal("call-42", claims.GetProperty("video").GetProperty("room").GetString());
        Assert.True(claims.GetProperty("video").GetProperty("roomJoin").GetBoolean());
        var lifetime = claims.GetProperty("exp").GetInt64() - claims.GetProperty("nbf").GetInt64();
        Assert.Equal(15 * 60, lifetime);
    }

    [Fact]
    public async Task Listed_grants_are_exactly_what_the_token_allows()
    {
        var created = await VoicectlProcess.RunAsync(_environment, "token", "create", "--identity", "ops", "--grant", "sipAdmin", "--grant", "roomList");

        var result = new TokenVerifier(Credentials, TimeProvider.System).Verify(created.Output.Trim());

        Assert.True(result.IsValid, result.ToString());
        Assert.True(result.Claims!.Sip!.Admin);
        Assert.True(result.Claims.Video!.RoomList);
        Assert.False(result.Claims.Video.EffectiveCanPublish);
        Assert.False(result.Claims.Video.EffectiveCanSubscribe);
        Assert.Null(result.Claims.Video.RoomJoin);
    }

    [Fact]
    public async Task Inspect_shows_grants_and_expiry_and_verifies_with_the_secret()
    {
        var created = await VoicectlProcess.RunAsync(_environment, "token", "create", "--identity", "caller-1", "--room", "call-42");
        var token = created.Output.Trim();

        var inspect = await VoicectlProcess.RunAsync(_environment, "token", "inspect", token, "--secret-env", "LIVEKIT_API_SECRET");
        var wrong = await VoicectlProcess.RunAsync(new Dictionary<string, string?>(_environment) { ["OTHER_SECRET"] = "not-the-secret" },
            "token", "inspect", token, "--secret-env", "OTHER_SECRET");

        Assert.True(inspect.ExitCode == ExitCodes.Ok, inspect.ToString());
        Assert.Contains("identity:   caller-1", inspect.Output);
        Assert.Contains("video.room: \"call-42\"", inspect.Output);
        Assert.Contains("video.roomJoin: true", inspect.Output);
        Assert.Matches(@"expires:    \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ \(in (9|10)(\.\d)? min\)", inspect.Output);
        Assert.Contains("signature:  valid", inspect.Output);
        Assert.Equal(ExitCodes.Failed, wrong.ExitCode);
        Assert.Contains("signature:  INVALID: BadSignature", wrong.Output);
        Assert.DoesNotContain(_environment["LIVEKIT_API_SECRET"]!, inspect.Output + wrong.Output);
    }

    [Fact]
    public async Task Unknown_grant_or_bad_ttl_is_a_usage_error_with_a_suggestion()
    {
        var grant = await VoicectlProcess.RunAsync(_environment, "token", "create", "--identity", "x", "--grant", "sipAdmn");
        var ttl = await VoicectlProcess.RunAsync(_environment, "token", "create", "--identity", "x", "--room", "r", "--ttl", "forever");

        Assert.Equal(ExitCodes.Usage, grant.ExitCode);
        Assert.Contains("did you mean 'sipAdmin'", grant.Error);
        Assert.Equal(ExitCodes.Usage, ttl.ExitCode);
    }

    [Fact]
    public async Task Inspect_of_something_that_is_not_a_token_fails()
    {
        var result = await VoicectlProcess.RunAsync(_environment, "token", "inspect", "not-a-token");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("three dot-separated parts", result.Error);
    }
}
