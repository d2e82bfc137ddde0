using System.Text.Json;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Tests;

/// <summary>voicectl sip simulate: one call walked through LiveKit SIP's rules (file or the LiveKit stand-in) or the MediaHost's policy.</summary>
public class SipSimulateTests
{
    private static int LineOf(string path, string text) =>
        Array.FindIndex(File.ReadAllLines(path), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    private static async Task<SipWorkspace> WorkspaceAsync()
    {
        var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);
        return workspace;
    }

    [Fact]
    public async Task Accepted_call_names_the_trunk_the_rule_and_the_room_with_their_lines()
    {
        await using var workspace = await WorkspaceAsync();

        var result = await workspace.RunAsync("sip", "simulate", workspace.FilePath, "--from", "+79990001122", "--to", "+79952227978",
            "--source", "192.0.2.3", "--auth", "novofon-user", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var report = OutputSchema.AssertValid("sip-simulate", result.Output);
        Assert.True(report.GetProperty("accepted").GetBoolean());
        Assert.Equal("novofon-ru", report.GetProperty("trunk").GetString());
        Assert.Equal("ru-line", report.GetProperty("dispatchRule").GetString());
        Assert.Equal("call-_+79990001122_<random>", report.GetProperty("room").GetString());
        var steps = report.GetProperty("steps").EnumerateArray().ToArray();
        var match = steps.Single(s => s.GetProperty("step").GetString() == "trunk match");
        Assert.Equal(LineOf(workspace.FilePath, "- name: novofon-ru"), match.GetProperty("line").GetInt32());
        var rule = steps.Single(s => s.GetProperty("step").GetString() == "dispatch rule");
        Assert.Equal(LineOf(workspace.FilePath, "- name: ru-line"), rule.GetProperty("line").GetInt32());
        Assert.Equal("pass", steps.Single(s => s.GetProperty("step").GetString() == "auth").GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Call_from_an_address_no_trunk_allows_is_dropped_without_a_final_response_and_says_why()
    {
        await using var workspace = await WorkspaceAsync();

        var result = await workspace.RunAsync("sip", "simulate", workspace.FilePath, "--from", "+79990001122", "--to", "+79952227978", "--source", "198.51.100.7");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var flat = string.Join(" ", result.Output.Split('\n').Select(l => l.Trim()));
        Assert.Contains("'novofon-ru' serves +79952227978 but does not allow address 198.51.100.7 (allowed_addresses)", flat);
        Assert.Contains($"voice.yaml:{LineOf(workspace.FilePath, "- name: novofon-ru")}", flat);
        Assert.Contains("'ru-line' does not apply: it names trunks, and the call matched none", flat);
        Assert.Contains("REJECTED: no final response (ringing, then timeout)", flat);
        Assert.All(result.Output.Split('\n'), line => Assert.True(line.Length <= 80, line));
    }

    [Theory]
    [InlineData(null, "407 Proxy Authentication Required")]
    [InlineData("someone-else", "401 Unauthorized")]
    public async Task Trunk_with_digest_auth_rejects_a_carrier_without_the_right_user(string? user, string response)
    {
        await using var workspace = await WorkspaceAsync();
        string[] args = ["sip", "simulate", workspace.FilePath, "--from", "+79990001122", "--to", "+79952227978", "--json"];

        var result = await workspace.RunAsync(user is null ? args : [.. args, "--auth", user]);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var report = OutputSchema.AssertValid("sip-simulate", result.Output);
        Assert.Equal(response, report.GetProperty("sipResponse").GetString());
        Assert.DoesNotContain("novofon-user", result.Output);
    }

    [Fact]
    public async Task Tls_is_refused_because_the_generated_bridge_config_has_no_tls_listener()
    {
        await using var workspace = await WorkspaceAsync();

        var result = await workspace.RunAsync("sip", "simulate", workspace.FilePath, "--from", "+79990001122", "--to", "+79952227978", "--transport", "tls", "--json");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var report = OutputSchema.AssertValid("sip-simulate", result.Output);
        Assert.Equal("connection refused", report.GetProperty("sipResponse").GetString());
        Assert.Equal("transport", report.GetProperty("steps")[0].GetProperty("step").GetString());
    }

    [Fact]
    public async Task Live_walk_follows_LiveKits_own_rules_and_sees_a_rule_deleted_outside_the_file()
    {
        await using var workspace = await WorkspaceAsync();
        var apply = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes");
        Assert.True(apply.ExitCode == ExitCodes.Ok, apply.ToString());
        string[] call = ["sip", "simulate", workspace.FilePath, "--from", "+79990001122", "--to", "+79952227978", "--source", "192.0.2.3", "--auth", "novofon-user", "--json"];

        var live = await workspace.RunAsync([.. call, "--live"]);
        Assert.True(live.ExitCode == ExitCodes.Ok, live.ToString());
        var report = OutputSchema.AssertValid("sip-simulate", live.Output);
        Assert.StartsWith("LiveKit at ", report.GetProperty("source").GetString());
        Assert.Equal("call-_+79990001122_<random>", report.GetProperty("room").GetString());
        var match = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "trunk match");
        Assert.Equal(LineOf(workspace.FilePath, "- name: novofon-ru"), match.GetProperty("line").GetInt32());

        await using (var connection = workspace.Connect())
        {
            var remote = await SipStateReader.ReadAsync(connection.Sip, CancellationToken.None);
            await connection.Sip.DeleteDispatchRuleAsync(remote.DispatchRules.Single().SipDispatchRuleId);
        }

        var afterDelete = await workspace.RunAsync([.. call, "--live"]);
        var fromFile = await workspace.RunAsync(call);
        Assert.Equal(ExitCodes.Failed, afterDelete.ExitCode);
        Assert.Equal("no final response (ringing, then timeout)", JsonDocument.Parse(afterDelete.Output).RootElement.GetProperty("sipResponse").GetString());
        Assert.Equal(ExitCodes.Ok, fromFile.ExitCode);
    }

    [Theory]
    [InlineData("192.0.2.1", "+74950000000", ExitCodes.Failed, "no response (dropped silently)")]
    [InlineData("10.1.2.3", "+74950000999", ExitCodes.Failed, "404 Not Found")]
    [InlineData("10.1.2.3", "+7 495 000-00-00", ExitCodes.Ok, null)]
    public async Task Direct_mode_walks_the_MediaHosts_inbound_policy(string source, string to, int exitCode, string? response)
    {
        await using var workspace = await WorkspaceAsync();
        var settings = Path.Combine(workspace.Folder, "appsettings.json");
        File.WriteAllText(settings, """
            {
              // the MediaHost's settings, as in its appsettings.json
              "Sip": {
                "AllowedNetworks": ["10.0.0.0/8"],
                "AcceptedNumbers": ["+74950000000"]
              }
            }
            """);

        var result = await workspace.RunAsync("sip", "simulate", settings, "--direct", "--from", "+79990001122", "--to", to, "--source", source, "--json");

        Assert.True(result.ExitCode == exitCode, result.ToString());
        var report = OutputSchema.AssertValid("sip-simulate", result.Output);
        Assert.Equal(response, report.TryGetProperty("sipResponse", out var r) ? r.GetString() : null);
        if (response is not null)
        {
            var stop = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("verdict").GetString() == "reject");
            Assert.Equal(source == "192.0.2.1" ? 4 : 5, stop.GetProperty("line").GetInt32());
        }
    }

    [Theory]
    [InlineData(null, ExitCodes.Failed)]
    [InlineData(5061, ExitCodes.Ok)]
    public async Task Direct_mode_over_TLS_is_refused_only_when_the_MediaHost_has_no_TLS_port(int? tlsPort, int exitCode)
    {
        await using var workspace = await WorkspaceAsync();
        var settings = Path.Combine(workspace.Folder, "appsettings.json");
        var tls = tlsPort is { } port ? $"\"TlsPort\": {port}, \"TlsCertificatePath\": \"/mnt/certs/<certificate>.pfx\"," : "";
        File.WriteAllText(settings, $$"""
            {
              "Sip": {
                {{tls}}
                "AcceptedNumbers": ["+74950000000"]
              }
            }
            """);

        var result = await workspace.RunAsync("sip", "simulate", settings, "--direct", "--from", "+79990001122", "--to", "+74950000000", "--transport", "tls", "--json");

        Assert.True(result.ExitCode == exitCode, result.ToString());
        var report = OutputSchema.AssertValid("sip-simulate", result.Output);
        var transport = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "mediahost transport");
        Assert.Equal(tlsPort is null ? "reject" : "pass", transport.GetProperty("verdict").GetString());
        Assert.Contains(tlsPort is null ? "Sip.TlsPort is not set" : "over TLS on port 5061", transport.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("--source", "not-an-ip")]
    [InlineData("--transport", "sctp")]
    public async Task Bad_call_description_is_a_usage_error(string option, string value)
    {
        await using var workspace = await WorkspaceAsync();

        var result = await workspace.RunAsync("sip", "simulate", workspace.FilePath, "--from", "+79990001122", "--to", "+79952227978", option, value);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(value, result.Error);
    }
}
