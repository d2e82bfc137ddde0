using System.Text.Json;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Errors;

namespace VoiceFunctions.Cli.Tests;

/// <summary>
/// The machine-readable form of the commands that change LiveKit (sip apply, sip rollback) and of calls tail,
/// through the real voicectl against the loopback LiveKit API test server and the loopback calls API; every output
/// validated against its committed schema.
/// </summary>
public class ApplyAndTailJsonTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Apply_json_reports_each_applied_step_the_backup_and_the_rollback_that_json_rollback_then_restores()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);

        var apply = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes", "--json");

        Assert.True(apply.ExitCode == ExitCodes.Ok, apply.ToString());
        var result = OutputSchema.AssertValid("sip-apply", apply.Output);
        Assert.True(result.GetProperty("succeeded").GetBoolean());
        var steps = result.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(result.GetProperty("plan").GetProperty("changes").GetArrayLength(), steps.Length);
        Assert.All(steps, s => Assert.Equal("applied", s.GetProperty("outcome").GetString()));
        Assert.All(steps, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("remoteId").GetString())));
        var backupId = result.GetProperty("backupId").GetString()!;
        Assert.True(File.Exists(result.GetProperty("backupPath").GetString()));
        Assert.StartsWith($"voicectl sip rollback {backupId}", result.GetProperty("rollback").GetString());
        Assert.DoesNotContain(workspace.Environment["NOVOFON_SIP_PASSWORD"]!, apply.Output);
        Assert.NotEmpty(workspace.Server.State.GetInboundTrunks());

        var rollback = await workspace.RunAsync("sip", "rollback", backupId, "--file", workspace.FilePath, "--yes", "--json");

        Assert.True(rollback.ExitCode == ExitCodes.Ok, rollback.ToString());
        var restored = OutputSchema.AssertValid("sip-apply", rollback.Output);
        Assert.True(restored.GetProperty("succeeded").GetBoolean());
        Assert.All(restored.GetProperty("steps").EnumerateArray(), s => Assert.Equal("delete", s.GetProperty("action").GetString()));
        Assert.Empty(workspace.Server.State.GetInboundTrunks());
        Assert.Contains($"Restoring backup {backupId}", rollback.Error);
    }

    [Fact]
    public async Task Apply_json_that_fails_midway_names_the_failed_step_the_ones_not_attempted_and_exits_1()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);
        workspace.Server.Faults.FailNext(LiveKitApiMethods.CreateSipDispatchRule, 1, TwirpErrorCode.InvalidArgument, "injected: rule refused");

        var apply = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes", "--json");

        Assert.True(apply.ExitCode == ExitCodes.Failed, apply.ToString());
        var result = OutputSchema.AssertValid("sip-apply", apply.Output);
        Assert.False(result.GetProperty("succeeded").GetBoolean());
        var failed = Assert.Single(result.GetProperty("steps").EnumerateArray(), s => s.GetProperty("outcome").GetString() == "failed");
        Assert.Equal("dispatch rule", failed.GetProperty("kind").GetString());
        Assert.Contains("injected: rule refused", failed.GetProperty("error").GetString());
        Assert.Contains(result.GetProperty("steps").EnumerateArray(), s => s.GetProperty("outcome").GetString() == "applied");
        Assert.NotNull(result.GetProperty("rollback").GetString());
    }

    [Fact]
    public async Task Apply_json_without_yes_is_a_usage_error_and_changes_nothing()
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);

        var apply = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--json");

        Assert.True(apply.ExitCode == ExitCodes.Usage, apply.ToString());
        Assert.Contains("--json applies only with --yes", apply.Error);
        Assert.Empty(workspace.Server.State.GetInboundTrunks());
        Assert.False(Directory.Exists(workspace.BackupFolder) && Directory.EnumerateFiles(workspace.BackupFolder).Any());
    }

    [Fact]
    public async Task Tail_json_writes_one_schema_valid_line_per_call_change_and_turn_as_they_happen()
    {
        await using var api = await LoopbackCallsApi.StartAsync();
        api.AddCall("CA_old", "+79990000001", CallOutcome.Completed, Started);
        var environment = new Dictionary<string, string?>(CorpusEnvironment.Variables) { ["VOICEFUNCTIONS_API_URL"] = api.ApiUrl, ["VOICEFUNCTIONS_API_KEY"] = api.Key };

        var tail = VoicectlProcess.RunAsync(environment, "calls", "tail", "--interval", "0.2", "--max", "4", "--for", "60", "--json");
        await api.WaitForListRequestsAsync(after: 0, count: 1);
        api.AddCall("CA_new", "+79990000003", CallOutcome.InProgress, Started.AddMinutes(2));
        await api.WaitForListRequestsAsync(after: api.ListRequests, count: 2);
        api.AddTurn("CA_new", 1, "Здравствуйте", "Добрый день!", 910);
        api.End("CA_new", CallOutcome.Completed, Started.AddMinutes(3));
        var result = await tail;

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => OutputSchema.AssertValid("calls-tail", l)).ToArray();
        Assert.Equal(["call CA_old Completed", "call CA_new InProgress", "turn CA_new 1", "call CA_new Completed"], lines.Select(Describe));
        Assert.Equal("Добрый день!", lines[2].GetProperty("turn").GetProperty("agentText").GetString());
        Assert.Equal(910, lines[2].GetProperty("turn").GetProperty("responseLatencyMs").GetInt32());
    }

    private static string Describe(JsonElement line) => line.GetProperty("event").GetString() switch
    {
        "call" => $"call {line.GetProperty("callId").GetString()} {line.GetProperty("call").GetProperty("outcome").GetString()}",
        _ => $"turn {line.GetProperty("callId").GetString()} {line.GetProperty("turn").GetProperty("sequence").GetInt32()}",
    };
}
