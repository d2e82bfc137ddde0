using System.CommandLine;
using System.Diagnostics;
using VoiceFunctions.Cli.Docs;
using VoiceFunctions.Cli.Output;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests;

/// <summary>The command tree as a whole: its generated reference, shell completion, help text, and colour rules.</summary>
public class CommandSurfaceTests
{
    private static RootCommand Tree() =>
        VoicectlCommand.Create(new CliContext(new Terminal(TextWriter.Null, TextWriter.Null, false), _ => null, TimeProvider.System));

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(c => Commands(c).Prepend(c));

    [Fact]
    public void Committed_reference_in_docs_voicectl_md_matches_the_command_tree()
    {
        var path = Path.Combine(RepoPaths.Root, "docs", "voicectl.md");
        var committed = File.ReadAllText(path);

        var regenerated = ReferenceGenerator.Splice(committed, ReferenceGenerator.Generate(Tree()));

        Assert.True(regenerated == committed,
            "docs/voicectl.md's reference is out of date: run `dotnet Cli/bin/Debug/net10.0/voicectl.dll docs --write docs/voicectl.md` and commit it");
    }

    [Fact]
    public void Every_output_schema_named_in_help_is_committed()
    {
        var named = Commands(Tree()).SelectMany(c => c.Options).Where(o => o.Name == "--output" && o.Description!.Contains("schema/voicectl/"))
            .Select(o => o.Description!.Split("schema/voicectl/")[1].TrimEnd('.', ')')).Distinct().ToArray();

        // Each committed schema is some command's output, and each command's schema is committed.
        var committed = Directory.GetFiles(Path.Combine(RepoPaths.Root, "schema", "voicectl"), "*.schema.json").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(committed, named.Order().ToArray());
    }

    [Fact]
    public void Help_states_each_default_once()
    {
        foreach (var option in Commands(Tree()).SelectMany(c => c.Options).Where(o => o.HasDefaultValue))
        {
            Assert.DoesNotContain("default", option.Description ?? "", StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Calls_file_option_names_the_call_API_not_the_LiveKit_server()
    {
        var calls = Tree().Subcommands.Single(c => c.Name == "calls");

        var file = calls.Options.Single(o => o.Name == "--file");

        Assert.Contains("control_plane.api_url", file.Description);
        Assert.DoesNotContain("livekit", file.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Suggest_directive_completes_subcommands_and_doctor_check_names()
    {
        var subcommands = await VoicectlProcess.RunAsync(CorpusEnvironment.Variables, "[suggest:14]", "voicectl sip si");
        var checks = await VoicectlProcess.RunAsync(CorpusEnvironment.Variables, "[suggest:23]", "voicectl doctor --only c");

        Assert.Contains("simulate", subcommands.Output.Split('\n'));
        Assert.Contains("carrier", checks.Output.Split('\n'));
    }

    [SkippableFact]
    public async Task Bash_completion_script_completes_through_voicectl_itself()
    {
        Skip.If(OperatingSystem.IsWindows(), "bash completion is for Unix shells");
        var bash = RequiredTool.Command("bash", "the machine image");
        var folder = Path.Combine(Path.GetTempPath(), "voicectl-completion-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var shim = Path.Combine(folder, "voicectl");
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            File.WriteAllText(shim, $"#!/bin/sh\nexec \"{dotnet}\" \"{Path.Combine(AppContext.BaseDirectory, "voicectl.dll")}\" \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            var script = Path.Combine(folder, "completion.bash");
            var generated = await VoicectlProcess.RunAsync(CorpusEnvironment.Variables, "completion", "bash");
            Assert.True(generated.ExitCode == ExitCodes.Ok, generated.ToString());
            File.WriteAllText(script, generated.Output);
            var start = new ProcessStartInfo(bash) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.Environment["PATH"] = folder + ":" + Environment.GetEnvironmentVariable("PATH");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"source '{script}'; COMP_LINE='voicectl sip si'; COMP_POINT=15; COMP_WORDS=(voicectl sip si); COMP_CWORD=2; _voicectl_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\"");

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(["simulate"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Piped_output_has_no_colour_even_without_NO_COLOR_and_stays_within_80_columns()
    {
        var environment = new Dictionary<string, string?>(CorpusEnvironment.Variables) { ["NO_COLOR"] = null };

        var result = await VoicectlProcess.RunAsync(environment, "sip", "simulate", Path.Combine(CorpusFile.Folder, "valid-sample.yaml"),
            "--from", "+79990001122", "--to", "+74950000000", "--source", "198.51.100.9");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Output + result.Error);
        Assert.All(result.Output.Split('\n'), line => Assert.True(line.Length <= 80, line));
    }

    [SkippableFact]
    public async Task On_a_terminal_output_is_coloured_unless_NO_COLOR_is_set()
    {
        Skip.If(OperatingSystem.IsWindows(), "script(1) gives a pseudo-terminal on Unix only");
        var script = RequiredTool.Command("script", "the machine image (util-linux)");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var validate = $"'{dotnet}' '{Path.Combine(AppContext.BaseDirectory, "voicectl.dll")}' sip validate '{Path.Combine(CorpusFile.Folder, "seeds-style.yaml")}'";

        var coloured = await OnATerminalAsync(script, validate, noColor: null);
        var plain = await OnATerminalAsync(script, validate, noColor: "1");

        // SGR colour sequences only: the runtime itself writes other escapes (keypad mode) to a terminal.
        var colour = new global::System.Text.RegularExpressions.Regex(@"\u001b\[[0-9;]*m");
        Assert.Contains("VC017", coloured);
        Assert.Matches(colour, coloured);
        Assert.Contains("VC017", plain);
        Assert.DoesNotMatch(colour, plain);
    }

    /// <summary>Runs <paramref name="command"/> with its standard output on a pseudo-terminal (script(1)) and returns what it wrote there.</summary>
    private static async Task<string> OnATerminalAsync(string script, string command, string? noColor)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-q", "-e", "-c", command, "/dev/null"])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in CorpusEnvironment.Variables)
        {
            start.Environment.Remove(name);
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }
        start.Environment.Remove("NO_COLOR");
        if (noColor is not null)
        {
            start.Environment["NO_COLOR"] = noColor;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == ExitCodes.Failed, $"exit {process.ExitCode}\n{await output}\n{await error}");
        return await output;
    }

    [Fact]
    public void Colours_are_used_only_on_a_terminal_without_NO_COLOR()
    {
        var coloured = new Terminal(TextWriter.Null, TextWriter.Null, colours: true);
        var plain = new Terminal(TextWriter.Null, TextWriter.Null, colours: false);

        Assert.Equal("\u001b[31mSTOP\u001b[0m", coloured.Red("STOP"));
        Assert.Equal("STOP", plain.Red("STOP"));
    }
}
