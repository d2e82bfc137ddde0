using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Cli.Tests;

/// <summary>--output json / --json of the commands that had only text: each output validated against its schema, exit codes asserted.</summary>
public class JsonOutputTests
{
    [Theory]
    [InlineData("valid-sample.yaml", ExitCodes.Ok, true)]
    [InlineData("bad-numbers.yaml", ExitCodes.Failed, false)]
    public async Task Validate_json_lists_each_diagnostic_with_its_position(string file, int exitCode, bool valid)
    {
        var result = await VoicectlProcess.RunAsync(CorpusEnvironment.Variables, "sip", "validate", Path.Combine(CorpusFile.Folder, file), "--output", "json");

        Assert.True(result.ExitCode == exitCode, result.ToString());
        var report = OutputSchema.AssertValid("sip-validate", result.Output);
        Assert.Equal(valid, report.GetProperty("valid").GetBoolean());
        Assert.Equal(report.GetProperty("errors").GetInt32(), report.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetProperty("severity").GetString() == "error"));
        Assert.True(valid || report.GetProperty("diagnostics").EnumerateArray().All(d => d.GetProperty("line").GetInt32() > 0));
    }

    [Fact]
    public async Task Plan_json_lists_the_changes_without_secret_values()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);

        var result = await workspace.RunAsync("sip", "plan", workspace.FilePath, "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var plan = OutputSchema.AssertValid("sip-plan", result.Output);
        Assert.False(plan.GetProperty("empty").GetBoolean());
        Assert.Equal(["create"], plan.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("action").GetString()).Distinct());
        Assert.DoesNotContain(workspace.Environment["NOVOFON_SIP_PASSWORD"]!, result.Output);
    }

    [Fact]
    public async Task Backups_json_is_an_empty_list_before_any_apply()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);

        var result = await workspace.RunAsync("sip", "backups", "--file", workspace.FilePath, "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Empty(OutputSchema.AssertValid("sip-backups", result.Output).GetProperty("backups").EnumerateArray());
    }

    [Fact]
    public async Task Calls_list_json_is_the_call_APIs_own_answer()
    {
        await using var api = await LoopbackCallsApi.StartAsync();
        api.AddCall("CA_first", "+79990000001", CallOutcome.Completed, new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), 850);
        var environment = new Dictionary<string, string?>(CorpusEnvironment.Variables) { ["VOICEFUNCTIONS_API_URL"] = api.ApiUrl, ["VOICEFUNCTIONS_API_KEY"] = api.Key };

        var result = await VoicectlProcess.RunAsync(environment, "calls", "list", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var page = OutputSchema.AssertValid("calls-list", result.Output);
        Assert.Equal("CA_first", page.GetProperty("calls")[0].GetProperty("callId").GetString());
        Assert.Equal("Completed", page.GetProperty("calls")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Token_create_and_inspect_json_round_trip_with_attributes_kind_metadata_room_configuration_and_agents()
    {
        var environment = new Dictionary<string, string?>(CorpusEnvironment.Variables) { ["LIVEKIT_API_KEY"] = "APIjson", ["LIVEKIT_API_SECRET"] = "json-secret-" + Guid.NewGuid().ToString("N") };

        var created = await VoicectlProcess.RunAsync(environment, "token", "create", "--identity", "agent-1", "--room", "call-7", "--kind", "agent",
            "--metadata", """{"role":"agent"}""", "--attribute", "voicefunctions.line=ru-RU", "--attribute", "tier=gold",
            "--room-config", """{"emptyTimeout":60,"maxParticipants":3}""", "--agent", "voice-agent:inbound", "--json");

        Assert.True(created.ExitCode == ExitCodes.Ok, created.ToString());
        var token = OutputSchema.AssertValid("token-create", created.Output).GetProperty("token").GetString()!;
        var verified = new TokenVerifier(new LiveKitCredentials("APIjson", environment["LIVEKIT_API_SECRET"]!), TimeProvider.System).Verify(token);
        Assert.True(verified.IsValid, verified.ToString());
        var claims = verified.Claims!;
        Assert.Equal("agent", claims.Kind);
        Assert.Equal("""{"role":"agent"}""", claims.Metadata);
        Assert.Equal("ru-RU", claims.Attributes!["voicefunctions.line"]);
        Assert.Equal("gold", claims.Attributes["tier"]);
        Assert.Equal(60u, claims.RoomConfig!.EmptyTimeout);
        Assert.Equal(3u, claims.RoomConfig.MaxParticipants);
        var agent = Assert.Single(claims.RoomConfig.Agents!);
        Assert.Equal(("voice-agent", "inbound"), (agent.AgentName, agent.Metadata));

        var inspected = await VoicectlProcess.RunAsync(environment, "token", "inspect", token, "--secret-env", "LIVEKIT_API_SECRET", "--output", "json");
        Assert.True(inspected.ExitCode == ExitCodes.Ok, inspected.ToString());
        var inspection = OutputSchema.AssertValid("token-inspect", inspected.Output);
        Assert.Equal("valid", inspection.GetProperty("signature").GetString());
        Assert.Equal("agent", inspection.GetProperty("kind").GetString());
        Assert.Equal("call-7", inspection.GetProperty("claims").GetProperty("video").GetProperty("room").GetString());
    }

    [Fact]
    public async Task Token_inspect_json_of_a_token_signed_with_another_secret_is_invalid_and_exits_1()
    {
        var environment = new Dictionary<string, string?>(CorpusEnvironment.Variables) { ["LIVEKIT_API_KEY"] = "APIjson", ["LIVEKIT_API_SECRET"] = "one-secret", ["OTHER_SECRET"] = "another-secret" };
        var created = await VoicectlProcess.RunAsync(environment, "token", "create", "--identity", "x", "--room", "r");

        var inspected = await VoicectlProcess.RunAsync(environment, "token", "inspect", created.Output.Trim(), "--secret-env", "OTHER_SECRET", "--json");

        Assert.Equal(ExitCodes.Failed, inspected.ExitCode);
        Assert.Equal("invalid", OutputSchema.AssertValid("token-inspect", inspected.Output).GetProperty("signature").GetString());
    }

    [Theory]
    [InlineData("--attribute", "no-equals-sign", "is not KEY=VALUE")]
    [InlineData("--room-config", "{not json", "is not RoomConfiguration JSON")]
    [InlineData("--kind", "robot", "robot")]
    [InlineData("--agent", ":meta", "has no agent name")]
    public async Task Bad_token_claim_options_are_usage_errors(string option, string value, string message)
    {
        var environment = new Dictionary<string, string?>(CorpusEnvironment.Variables) { ["LIVEKIT_API_KEY"] = "k", ["LIVEKIT_API_SECRET"] = "s" };

        var result = await VoicectlProcess.RunAsync(environment, "token", "create", "--identity", "x", "--room", "r", option, value);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Empty(result.Output);
    }
}
