using System.Text.Json;
using System.Text.RegularExpressions;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests;

/// <summary>voicectl doctor against the loopback LiveKit API test server and a loopback webhook/health endpoint.</summary>
public class DoctorTests
{
    private const string DoctorFile = LineFiles.OneLine + """
        webhook:
          url: ${WEBHOOK_URL}
        media_host:
          sip_address: 127.0.0.1:5070
          health_url: ${MEDIAHOST_HEALTH_URL}

        """;

    private static async Task<(SipWorkspace Workspace, TestHttpEndpoint Endpoint)> HealthySetupAsync()
    {
        var workspace = await SipWorkspace.StartAsync();
        var endpoint = await TestHttpEndpoint.StartAsync(workspace.Server.Credentials);
        workspace.Environment["WEBHOOK_URL"] = endpoint.WebhookUrl;
        workspace.Environment["MEDIAHOST_HEALTH_URL"] = endpoint.HealthUrl;
        workspace.Write(DoctorFile);
        var apply = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes");
        Assert.True(apply.ExitCode == ExitCodes.Ok, apply.ToString());
        return (workspace, endpoint);
    }

    [Fact]
    public async Task Healthy_setup_passes_every_check_and_exits_0()
    {
        var (workspace, endpoint) = await HealthySetupAsync();
        await using var _ = workspace;
        await using var __ = endpoint;

        // No carrier answers on loopback here: the carrier probe has its own tests with sipp.
        var result = await workspace.RunAsync("doctor", workspace.FilePath, "--skip", "carrier");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        foreach (var check in new[] { "environment and file", "livekit url", "api key and secret", "room round trip", "sip api", "drift", "route +79952227978", "webhook", "mediahost health", "clock skew" })
        {
            Assert.Matches(new Regex($"^PASS {Regex.Escape(check)}:", RegexOptions.Multiline), result.Output);
        }
        Assert.DoesNotContain("FAIL", result.Output);
        Assert.Equal(["room_finished"], endpoint.AcceptedEvents);
        Assert.Empty(workspace.Server.State.GetRooms());
        Assert.All(result.Output.Split('\n'), line => Assert.True(line.Length <= 80, line));
    }

    [Fact]
    public async Task Json_output_lists_every_check_for_machines()
    {
        var (workspace, endpoint) = await HealthySetupAsync();
        await using var _ = workspace;
        await using var __ = endpoint;

        var result = await workspace.RunAsync("doctor", workspace.FilePath, "--json", "--skip", "carrier");

        using var json = JsonDocument.Parse(result.Output);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToArray();
        Assert.True(checks.Length >= 10);
        Assert.All(checks, c => Assert.Equal("pass", c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Wrong_secret_fails_the_credentials_check_naming_the_secret()
    {
        var (workspace, endpoint) = await HealthySetupAsync();
        await using var _ = workspace;
        await using var __ = endpoint;
        workspace.Environment["LIVEKIT_API_SECRET"] = "not-the-secret-" + Guid.NewGuid().ToString("N");

        var result = await workspace.RunAsync("doctor", workspace.FilePath);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var flat = Flat(result.Output);
        Assert.Contains("FAIL api key and secret:", flat);
        Assert.Contains("cause: The API secret does not match the key", flat);
        Assert.Contains("SKIP room round trip", flat);
        Assert.Contains("FAIL webhook:", flat);
        Assert.DoesNotContain("eyJ", result.Output);
    }

    [Fact]
    public async Task Unreachable_server_fails_the_url_check_with_nothing_answering()
    {
        var (workspace, endpoint) = await HealthySetupAsync();
        await using var _ = workspace;
        await using var __ = endpoint;
        workspace.Environment["LIVEKIT_URL"] = "ws://127.0.0.1:9";

        var result = await workspace.RunAsync("doctor", workspace.FilePath, "--timeout", "5");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var flat = Flat(result.Output);
        Assert.Contains("FAIL livekit url:", flat);
        Assert.Contains("cause: Nothing answers at 127.0.0.1:9", flat);
        Assert.Contains("SKIP api key and secret", flat);
    }

    [Fact]
    public async Task Slow_server_fails_with_no_answer_in_time_and_says_it_is_slow_not_down()
    {
        var (workspace, endpoint) = await HealthySetupAsync();
        await using var _ = workspace;
        await using var __ = endpoint;
        workspace.Server.Faults.DelayNext(LiveKitApiMethods.ListRooms, 3, TimeSpan.FromSeconds(20));

        var result = await workspace.RunAsync("doctor", workspace.FilePath, "--timeout", "3");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var flat = Flat(result.Output);
        Assert.Contains("FAIL api key and secret: no answer within 3 s", flat);
        Assert.Contains("answers too slowly", flat);
        Assert.DoesNotContain("FAIL livekit url", flat);
    }

    [Fact]
    public async Task Drift_made_outside_the_file_fails_naming_the_objects_and_fields()
    {
        var (workspace, endpoint) = await HealthySetupAsync();
        await using var _ = workspace;
        await using var __ = endpoint;
        await using (var client = workspace.Connect())
        {
            var trunk = workspace.Server.State.GetInboundTrunks().Single();
            trunk.AllowedAddresses = ["0.0.0.0/0"];
            await client.Sip.UpdateInboundTrunkAsync(new UpdateSipInboundTrunkRequest { SipTrunkId = trunk.SipTrunkId, Replace = trunk }).DefaultTimeout();
        }

        var result = await workspace.RunAsync("doctor", workspace.FilePath);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var flat = Flat(result.Output);
        Assert.Contains("FAIL drift: inbound trunk 'novofon-ru' differs in allowed_addresses", flat);
        Assert.Contains("changed outside voice.yaml", flat);
        Assert.Contains("voicectl sip apply voice.yaml", flat);
    }

    [Fact]
    public async Task Missing_dispatch_rule_fails_the_route_with_the_silent_drop_symptom()
    {
        var (workspace, endpoint) = await HealthySetupAsync();
        await using var _ = workspace;
        await using var __ = endpoint;
        await using (var client = workspace.Connect())
        {
            var rule = (await client.Sip.ListDispatchRulesAsync().DefaultTimeout()).Single();
            await client.Sip.DeleteDispatchRuleAsync(rule.SipDispatchRuleId).DefaultTimeout();
        }

        var result = await workspace.RunAsync("doctor", workspace.FilePath);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var flat = Flat(result.Output);
        Assert.Contains("FAIL route +79952227978: INVITE from 192.0.2.1 to +79952227978: matches trunk 'novofon-ru', and no dispatch rule", flat);
        Assert.Contains("no final SIP response", flat);
        Assert.Contains("Rejecting inbound flood", flat);
    }

    [Fact]
    public async Task Unreachable_webhook_fails_the_webhook_check()
    {
        var (workspace, endpoint) = await HealthySetupAsync();
        await using var _ = workspace;
        await using var __ = endpoint;
        workspace.Environment["WEBHOOK_URL"] = "http://127.0.0.1:9/api/livekit/webhook";

        var result = await workspace.RunAsync("doctor", workspace.FilePath);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var flat = Flat(result.Output);
        Assert.Contains("FAIL webhook: POST http://127.0.0.1:9/api/livekit/webhook", flat);
        Assert.Contains("cannot be reached from here", flat);
        Assert.Contains("PASS drift", flat);
    }

    private static string Flat(string output) => Regex.Replace(output, @"\s+", " ");
}
