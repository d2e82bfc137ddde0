using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests;

/// <summary>
/// The documented exit code 1 of each command that reads a peer, when nothing answers there (a closed loopback port):
/// the command fails at once, names the peer, and a script can tell it from a usage error (2).
/// </summary>
public class NothingAnsweringTests
{
    [Theory]
    [InlineData("list")]
    [InlineData("show", "CA_1")]
    [InlineData("tail", "--for", "30")]
    [InlineData("place", "+15550001111")]
    public async Task Calls_command_exits_1_naming_the_call_API_when_nothing_answers(params string[] args)
    {
        var api = $"http://127.0.0.1:{FreePort.Next()}/api";
        var environment = new Dictionary<string, string?>(CorpusEnvironment.Variables) { ["VOICEFUNCTIONS_API_URL"] = api, ["VOICEFUNCTIONS_API_KEY"] = "<key>" };

        var result = await VoicectlProcess.RunAsync(environment, ["calls", .. args]);

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Contains($"cannot reach the call API at {api}", result.Error);
        Assert.DoesNotContain("<key>", result.Output + result.Error);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("apply", "FILE", "--yes")]
    [InlineData("rollback", "BACKUP", "--file", "FILE", "--yes")]
    [InlineData("simulate", "FILE", "--from", "+79990001122", "--to", "+79952227978", "--live")]
    public async Task Sip_command_exits_1_naming_LiveKit_when_nothing_answers(params string[] args)
    {
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.OneLine);
        var backup = await workspace.RunAsync("sip", "apply", workspace.FilePath, "--yes", "--json");
        var backupId = OutputSchema.AssertValid("sip-apply", backup.Output).GetProperty("backupId").GetString()!;
        workspace.Environment["LIVEKIT_URL"] = "ws://127.0.0.1:9";

        var result = await workspace.RunAsync(["sip", .. args.Select(a => a switch { "FILE" => workspace.FilePath, "BACKUP" => backupId, _ => a }), "--timeout", "2"]);

        Assert.True(result.ExitCode == ExitCodes.Failed, result.ToString());
        Assert.Contains("ws://127.0.0.1:9", result.Output + result.Error);
    }
}
