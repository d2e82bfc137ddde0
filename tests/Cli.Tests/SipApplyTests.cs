using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests;

/// <summary>plan, apply, rollback and export through the real voicectl against the loopback LiveKit API test server.</summary>
public class SipApplyTests
{
    [Fact]
    public async Task Plan_lists_every_object_to_create_and_changes_nothing()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);

        var result = await workspace.RunAsync("sip", "plan", workspace.FilePath);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains("create inbound trunk novofon-ru", Flat(result.Output));
        Assert.Contains("create outbound trunk mediahost", Flat(result.Output));
        Assert.Contains("create dispatch rule ru-line", Flat(result.Output));
        Assert.Contains("[] → [+79952227978]", Flat(result.Output));
        Assert.Contains("Plan: 3 to create, 0 to update, 0 to delete.", Flat(result.Output));
        Assert.DoesNotContain(workspace.Environment["NOVOFON_SIP_PASSWORD"]!, Flat(result.Output));
        Assert.Empty(workspace.Server.State.GetInboundTrunks());
        Assert.All(workspace.Server.Requests, r => Assert.StartsWith("SIP/List", r.Method));
        Assert.All(result.Output.Split('\n'), line => Assert.True(line.Length <= 80, line));
    }

    [Fact]
    public async Task Apply_creates_trunks_before_rules_and_a_second_apply_changes_nothing()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);

        var first = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes");

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        var writes = workspace.MethodsSince(0).Where(m => !m.StartsWith("SIP/List")).ToArray();
        Assert.Equal(["SIP/CreateSIPInboundTrunk", "SIP/CreateSIPOutboundTrunk", "SIP/CreateSIPDispatchRule"], writes);
        var trunk = Assert.Single(workspace.Server.State.GetInboundTrunks());
        Assert.Equal(["+79952227978"], trunk.Numbers);
        Assert.Equal(workspace.Environment["NOVOFON_SIP_PASSWORD"], trunk.AuthPassword);
        await using (var client = workspace.Connect())
        {
            var rule = Assert.Single(await client.Sip.ListDispatchRulesAsync().DefaultTimeout());
            Assert.Equal([trunk.SipTrunkId], rule.TrunkIds);
            Assert.Equal("call-", rule.Rule!.DispatchRuleIndividual!.RoomPrefix);
        }
        Assert.Single(Directory.GetFiles(workspace.BackupFolder, "*.json"));

        var before = workspace.Server.Requests.Count;
        var second = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes");

        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        Assert.Contains("No changes", Flat(second.Output));
        Assert.All(workspace.MethodsSince(before), m => Assert.StartsWith("SIP/List", m));
        Assert.Single(Directory.GetFiles(workspace.BackupFolder, "*.json"));
    }

    [Fact]
    public async Task Plan_after_a_file_change_shows_each_changed_field_and_apply_updates_in_place()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);
        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);
        var trunkId = workspace.Server.State.GetInboundTrunks().Single().SipTrunkId;
        workspace.Write(LineFiles.OneLineChanged);

        var plan = await workspace.RunAsync("sip", "plan", workspace.FilePath);
        var apply = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes");

        Assert.Contains($"update inbound trunk novofon-ru", Flat(plan.Output));
        Assert.Contains("[+79952227978] → [+79952227978, +79952227979]", Flat(plan.Output));
        Assert.Contains("individual prefix=call- → individual prefix=ru-call-", Flat(plan.Output));
        Assert.Contains("Plan: 0 to create, 2 to update, 0 to delete.", Flat(plan.Output));
        Assert.True(apply.ExitCode == ExitCodes.Ok, apply.ToString());
        var trunk = Assert.Single(workspace.Server.State.GetInboundTrunks());
        Assert.Equal(trunkId, trunk.SipTrunkId);
        Assert.Equal(2, trunk.Numbers.Count);
    }

    [Fact]
    public async Task Failure_in_the_middle_stops_apply_reports_what_was_applied_and_rollback_restores_the_old_state()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        await using var client = workspace.Connect();
        var legacyTrunk = await client.Sip.CreateInboundTrunkAsync(new SipInboundTrunkInfo { Name = "novofon-ru", Numbers = ["+79952227978"] }).DefaultTimeout();
        await client.Sip.CreateDispatchRuleAsync(new SipDispatchRuleInfo
        {
            Name = "legacy-rule",
            TrunkIds = [legacyTrunk.SipTrunkId],
            Rule = new SipDispatchRule { DispatchRuleDirect = new SipDispatchRuleDirect { RoomName = "legacy" } },
        }).DefaultTimeout();
        workspace.Write(LineFiles.OneLineChanged);
        workspace.Server.Faults.FailNext(LiveKitApiMethods.CreateSipDispatchRule, 1, TwirpErrorCode.InvalidArgument, "injected: rule refused");

        var apply = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes");

        Assert.True(apply.ExitCode == ExitCodes.Failed, apply.ToString());
        Assert.Contains("Apply stopped at: create dispatch rule 'ru-line'", Flat(apply.Output));
        Assert.Contains("injected: rule refused", Flat(apply.Output));
        var applied = Section(Flat(apply.Output), "Applied before the failure:", "Not applied:");
        Assert.Contains("update inbound trunk 'novofon-ru'", applied);
        Assert.Contains("create outbound trunk 'mediahost'", applied);
        var notApplied = Section(Flat(apply.Output), "Not applied:", "LiveKit now holds");
        Assert.Contains("create dispatch rule 'ru-line'", notApplied);
        Assert.Contains("delete dispatch rule 'legacy-rule'", notApplied);
        Assert.Equal(2, workspace.Server.State.GetInboundTrunks().Single().Numbers.Count);
        var backupId = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(workspace.BackupFolder, "*.json")));
        Assert.Contains($"voicectl sip rollback {backupId}", Flat(apply.Output));

        var rollback = await workspace.RunAsync("sip", "rollback", backupId, "--file", workspace.FilePath, "--yes");

        Assert.True(rollback.ExitCode == ExitCodes.Ok, rollback.ToString());
        Assert.Contains("delete outbound trunk mediahost", Flat(rollback.Output));
        var trunk = Assert.Single(workspace.Server.State.GetInboundTrunks());
        Assert.Equal(["+79952227978"], trunk.Numbers);
        Assert.Empty(workspace.Server.State.GetOutboundTrunks());
        var rule = Assert.Single(await client.Sip.ListDispatchRulesAsync().DefaultTimeout());
        Assert.Equal("legacy-rule", rule.Name);
        Assert.Equal([trunk.SipTrunkId], rule.TrunkIds);
        Assert.Equal(2, Directory.GetFiles(workspace.BackupFolder, "*.json").Length);
    }

    [Fact]
    public async Task Plan_shows_drift_made_outside_the_file()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);
        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);
        await using (var client = workspace.Connect())
        {
            var trunk = workspace.Server.State.GetInboundTrunks().Single();
            trunk.AllowedAddresses = ["0.0.0.0/0"];
            await client.Sip.UpdateInboundTrunkAsync(new UpdateSipInboundTrunkRequest { SipTrunkId = trunk.SipTrunkId, Replace = trunk }).DefaultTimeout();
            await client.Sip.CreateDispatchRuleAsync(new SipDispatchRuleInfo
            {
                Name = "hand-made",
                Rule = new SipDispatchRule { DispatchRuleDirect = new SipDispatchRuleDirect { RoomName = "x" } },
            }).DefaultTimeout();
        }

        var plan = await workspace.RunAsync("sip", "plan", workspace.FilePath);

        Assert.Contains("update inbound trunk novofon-ru", Flat(plan.Output));
        Assert.Contains("[0.0.0.0/0] → [192.0.2.0/28]", Flat(plan.Output));
        Assert.Contains("delete dispatch rule hand-made", Flat(plan.Output));
    }

    [Fact]
    public async Task Export_writes_a_file_that_validates_and_plans_to_no_changes()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);
        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);
        var exported = Path.Combine(workspace.Folder, "exported.yaml");

        var export = await workspace.ExportAsync(exported);
        var plan = await workspace.RunAsync("sip", "plan", exported);

        Assert.True(export.ExitCode == ExitCodes.Ok, export.ToString());
        var text = File.ReadAllText(exported);
        Assert.Contains("password: ${NOVOFON_RU_SIP_PASSWORD}", text);
        Assert.DoesNotContain(workspace.Environment["NOVOFON_SIP_PASSWORD"]!, text);
        Assert.True(plan.ExitCode == ExitCodes.Ok, plan.ToString());
        Assert.Contains("No changes", Flat(plan.Output));
    }

    [Fact]
    public async Task Plan_against_an_unreachable_server_fails_with_the_reason()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);
        workspace.Environment["LIVEKIT_URL"] = "ws://127.0.0.1:9";

        var result = await workspace.RunAsync("sip", "plan", workspace.FilePath, "--timeout", "2");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("cannot read the SIP configuration from ws://127.0.0.1:9", result.Error);
    }

    [Fact]
    public async Task Backups_lists_the_state_saved_before_each_apply()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);
        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);
        workspace.Write(LineFiles.OneLineChanged);
        Assert.Equal(ExitCodes.Ok, (await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes")).ExitCode);

        var result = await workspace.RunAsync("sip", "backups", "--file", workspace.FilePath);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var rows = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Matches(@"^\d{8}T\d{6}Z(-\d+)?\s+\S+ \S+\s+0\s+0\s+0", rows[0]);
        Assert.Matches(@"\s+1\s+1\s+1\s", rows[1]);
    }

    /// <summary>Output with wrapping and table padding collapsed, so assertions do not depend on where lines break.</summary>
    private static string Flat(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");

    private static string Section(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, text);
        return text[from..to];
    }
}
