using VoiceFunctions.Cli.Tests.Support;

namespace VoiceFunctions.Cli.Tests;

/// <summary>doctor --only / --skip, and the bridge↔server Redis comparison (--bridge-config, --server-config).</summary>
public class DoctorSelectionTests
{
    private static string Bridge(string address, int db) => $"""
        api_key: APIexample
        ws_url: ws://127.0.0.1:7880
        redis:
          address: {address}
          db: {db}
        sip_port: 5060

        """;

    private static async Task<System.Text.Json.JsonElement[]> RedisAsync(SipWorkspace workspace, string bridge, string? server, int expectedExit)
    {
        workspace.Write(LineFiles.OneLine + """
            sip_bridge:
              redis:
                address: redis.internal:6379
                db: 2

            """);
        var bridgeFile = Path.Combine(workspace.Folder, "config.yaml");
        File.WriteAllText(bridgeFile, bridge);
        List<string> args = ["doctor", workspace.FilePath, "--only", "redis", "--bridge-config", bridgeFile, "--json"];
        if (server is not null)
        {
            var serverFile = Path.Combine(workspace.Folder, "livekit.yaml");
            File.WriteAllText(serverFile, server);
            args.AddRange(["--server-config", serverFile]);
        }
        var result = await workspace.RunAsync([.. args]);
        Assert.True(result.ExitCode == expectedExit, result.ToString());
        return OutputSchema.AssertValid("doctor", result.Output).GetProperty("checks").EnumerateArray().ToArray();
    }

    [Fact]
    public async Task Bridge_on_another_Redis_database_than_the_server_fails_as_the_auth_check_failed_cause()
    {
        await using var workspace = await SipWorkspace.StartAsync();

        var checks = await RedisAsync(workspace, Bridge("redis.internal:6379", 1), "redis:\n  address: redis.internal:6379\n  db: 0\n", ExitCodes.Failed);

        var redis = Assert.Single(checks);
        Assert.Equal("fail", redis.GetProperty("status").GetString());
        Assert.Contains("bridge uses redis.internal:6379 db 1 (config.yaml:3); server's is redis.internal:6379 db 0 (livekit.yaml:1)", redis.GetProperty("evidence").GetString());
        Assert.Contains("Rejecting inbound, auth check failed", redis.GetProperty("cause").GetString());
    }

    [Fact]
    public async Task Bridge_sharing_the_Redis_voice_yaml_names_passes_with_the_address_written_differently()
    {
        await using var workspace = await SipWorkspace.StartAsync();

        var checks = await RedisAsync(workspace, Bridge("REDIS.internal", 2), server: null, ExitCodes.Ok);

        var redis = Assert.Single(checks);
        Assert.Equal("pass", redis.GetProperty("status").GetString());
        Assert.Contains("(voice.yaml:", redis.GetProperty("evidence").GetString());
    }

    [Fact]
    public async Task Only_runs_the_named_checks_and_shows_a_failed_prerequisite()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);
        workspace.Environment["LIVEKIT_URL"] = "ws://127.0.0.1:9";

        var result = await workspace.RunAsync("doctor", workspace.FilePath, "--only", "drift", "--json", "--timeout", "3");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var checks = OutputSchema.AssertValid("doctor", result.Output).GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("check").GetString(), c.GetProperty("status").GetString())).ToArray();
        Assert.Equal([("livekit-url", "fail")], checks);
    }

    [Fact]
    public async Task Skip_leaves_checks_out()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);

        var result = await workspace.RunAsync("doctor", workspace.FilePath, "--skip", "carrier,room,webhook", "--skip", "tls", "--json");

        var ids = OutputSchema.AssertValid("doctor", result.Output).GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("check").GetString()).ToHashSet();
        Assert.DoesNotContain("carrier", ids);
        Assert.DoesNotContain("room", ids);
        Assert.Contains("credentials", ids);
        Assert.Contains("routing", ids);
    }

    [Fact]
    public async Task Unknown_check_name_is_a_usage_error_with_a_suggestion()
    {
        await using var workspace = await SipWorkspace.StartAsync();

        var result = await workspace.RunAsync("doctor", "--only", "carier");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("unknown check 'carier' (did you mean 'carrier'?)", result.Error);
    }
}
