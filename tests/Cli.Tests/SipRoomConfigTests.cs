using VoiceFunctions.Shared.Telephony.Deployment.Sync;
using System.Text.Json.Nodes;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests;

/// <summary>A dispatch rule's room_metadata and agent reach LiveKit as the rule's roomConfig, through plan, apply, export and rollback.</summary>
public class SipRoomConfigTests
{
    [Fact]
    public async Task Apply_sends_room_metadata_and_agent_as_room_config_and_a_second_apply_changes_nothing()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLineWithAgent);

        var first = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes");

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        var create = Assert.Single(workspace.Server.Requests, r => r.Method == "SIP/CreateSIPDispatchRule");
        var sent = JsonNode.Parse(create.Body)!["roomConfig"]!;
        Assert.Equal("{\"lang\":\"ru\"}", (string?)sent["metadata"]);
        Assert.Equal("voice-agent", (string?)sent["agents"]![0]!["agentName"]);
        var config = AssertRoomConfig(workspace);
        Assert.Equal("inbound", Assert.Single(config.Agents).Metadata);

        var before = workspace.Server.Requests.Count;
        var second = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes");

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Contains("No changes", Flat(second.Output));
        Assert.All(workspace.MethodsSince(before), m => Assert.StartsWith("SIP/List", m));
    }

    [Fact]
    public async Task Plan_shows_added_and_changed_agent_field_by_field_and_apply_updates_the_rule()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);
        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);
        workspace.Write(LineFiles.OneLineWithAgent);

        var added = await workspace.RunAsync("sip", "plan", workspace.FilePath);

        Assert.True(added.ExitCode == ExitCodes.Ok, added.ToString());
        Assert.Contains("update dispatch rule ru-line", Flat(added.Output));
        Assert.Contains("room_metadata \"\" → {\"lang\":\"ru\"}", Flat(added.Output));
        Assert.Contains("agent \"\" → voice-agent metadata=inbound", Flat(added.Output));
        Assert.Contains("Plan: 0 to create, 1 to update, 0 to delete.", Flat(added.Output));
        Assert.Null(Assert.Single(workspace.Server.State.GetDispatchRules()).RoomConfig);

        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);
        workspace.Write(LineFiles.OneLineWithAgentChanged);
        var changed = await workspace.RunAsync("sip", "plan", workspace.FilePath);
        var apply = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes");

        Assert.Contains("agent voice-agent metadata=inbound → voice-agent metadata=outbound", Flat(changed.Output));
        Assert.DoesNotContain("room_metadata", Flat(changed.Output));
        Assert.True(apply.ExitCode == ExitCodes.Ok, apply.ToString());
        Assert.Equal("outbound", Assert.Single(AssertRoomConfig(workspace).Agents).Metadata);
    }

    [Fact]
    public async Task Export_writes_room_metadata_and_agent_so_the_exported_file_plans_to_no_changes()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLineWithAgent);
        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);
        var exported = Path.Combine(workspace.Folder, "exported.yaml");

        var export = await workspace.ExportAsync(exported);
        var plan = await workspace.RunAsync("sip", "plan", exported);

        Assert.True(export.ExitCode == ExitCodes.Ok, export.ToString());
        var text = File.ReadAllText(exported);
        Assert.Contains("room_metadata: \"{\\\"lang\\\":\\\"ru\\\"}\"", text);
        Assert.Contains("agent:\n      name: \"voice-agent\"\n      metadata: \"inbound\"", text);
        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString());
        Assert.Contains("No changes", Flat(plan.Output));
    }

    [Fact]
    public async Task Rollback_restores_the_agent_an_apply_removed()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLineWithAgent);
        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);
        workspace.Write(LineFiles.OneLine);
        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);
        Assert.Null(Assert.Single(workspace.Server.State.GetDispatchRules()).RoomConfig);
        // The newest backup by the store's own order: two applies in the same second give "…Z" and "…Z-2" ids, whose file
        // names sort the other way round.
        var backupId = new SipBackupStore(workspace.BackupFolder, TimeProvider.System).List()[^1].Id;

        var rollback = await workspace.RunAsync("sip", "rollback", backupId, "--file", workspace.FilePath, "--yes");

        Assert.True(rollback.ExitCode == ExitCodes.Ok, rollback.ToString());
        Assert.Contains("agent \"\" → voice-agent metadata=inbound", Flat(rollback.Output));
        Assert.Equal("inbound", Assert.Single(AssertRoomConfig(workspace).Agents).Metadata);
    }

    private static RoomConfiguration AssertRoomConfig(SipWorkspace workspace)
    {
        var config = Assert.Single(workspace.Server.State.GetDispatchRules()).RoomConfig;
        Assert.NotNull(config);
        Assert.Equal("{\"lang\":\"ru\"}", config.Metadata);
        Assert.Equal("voice-agent", Assert.Single(config.Agents).AgentName);
        return config;
    }

    /// <summary>Output with wrapping and table padding collapsed, so assertions do not depend on where lines break.</summary>
    private static string Flat(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
}
