using System.Text.Json.Nodes;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests;

/// <summary>
/// A trunk's media_encryption in voice.yaml reaches LiveKit as the trunk's media_encryption (SIP_MEDIA_ENCRYPT_ALLOW /
/// REQUIRE / DISABLE, the names ProtocolModelCoverageTests checks against @livekit/protocol), through plan, apply and
/// export, against the loopback LiveKit API double.
/// </summary>
public class SipMediaEncryptionTests
{
    private static string WithEncryption(string inbound, string outbound) => LineFiles.OneLine
        .Replace("    allowed_addresses: [\"192.0.2.0/28\"]\n", $"    allowed_addresses: [\"192.0.2.0/28\"]\n    media_encryption: {inbound}\n", StringComparison.Ordinal)
        .Replace("    transport: udp\n", $"    transport: tls\n    media_encryption: {outbound}\n", StringComparison.Ordinal);

    [Fact]
    public async Task Apply_sends_each_trunks_media_encryption_to_LiveKit_and_a_second_apply_changes_nothing()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(WithEncryption("allowed", "required"));

        var first = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes");

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        var inbound = JsonNode.Parse(Assert.Single(workspace.Server.Requests, r => r.Method == "SIP/CreateSIPInboundTrunk").Body)!["trunk"]!;
        var outbound = JsonNode.Parse(Assert.Single(workspace.Server.Requests, r => r.Method == "SIP/CreateSIPOutboundTrunk").Body)!["trunk"]!;
        Assert.Equal("SIP_MEDIA_ENCRYPT_ALLOW", (string?)inbound["mediaEncryption"]);
        Assert.Equal("SIP_MEDIA_ENCRYPT_REQUIRE", (string?)outbound["mediaEncryption"]);
        Assert.Equal(SipMediaEncryption.Allow, Assert.Single(workspace.Server.State.GetInboundTrunks()).MediaEncryption);

        var before = workspace.Server.Requests.Count;
        var second = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes");

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Contains("No changes", Flat(second.Output));
        Assert.All(workspace.MethodsSince(before), m => Assert.StartsWith("SIP/List", m));
    }

    [Fact]
    public async Task Plan_shows_a_changed_media_encryption_and_export_writes_it_back()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);
        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);
        workspace.Write(WithEncryption("off", "allowed"));

        var plan = await workspace.RunAsync("sip", "plan", workspace.FilePath);
        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);
        var exported = Path.Combine(workspace.Folder, "exported.yaml");
        var export = await workspace.RunAsync("sip", "export", "--file", workspace.FilePath, "--output", exported);

        Assert.Contains("media_encryption off → allowed", Flat(plan.Output));
        Assert.Contains("Plan: 0 to create, 1 to update, 0 to delete.", Flat(plan.Output));
        Assert.True(export.ExitCode == ExitCodes.Ok, export.ToString());
        var text = File.ReadAllText(exported);
        Assert.Contains("    media_encryption: allowed\n", text);
        Assert.Single(text.Split('\n'), l => l.Contains("media_encryption", StringComparison.Ordinal)); // off is the default, not written
    }

    private static string Flat(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
}
