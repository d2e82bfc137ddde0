using System.Diagnostics;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Infra;

/// <summary>Runs the Bicep CLI through scripts/bicep.sh (which restores it from NuGet when missing).</summary>
internal static class BicepCli
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>Diagnostic lines ("file(line,col) : Warning|Error code: message") that bicep printed.</summary>
        public IReadOnlyList<string> Diagnostics =>
            (StandardOutput + "\n" + StandardError)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal))
                .ToArray();
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Script => Path.Combine(RepoPaths.Root, "scripts", "bicep.sh");

    /// <summary>Skips locally (fails in CI) when the CLI cannot be restored or started.</summary>
    public static void Require()
    {
        var version = Run("--version");
        if (version.ExitCode != 0 || !version.StandardOutput.Contains("Bicep CLI version", StringComparison.Ordinal))
        {
            RequiredTool.Missing("the Bicep CLI (NuGet Azure.Bicep.CommandLine.linux-x64 via scripts/bicep.sh) did not start: " + version.StandardError.Trim());
        }
    }

    public static Result Run(params string[] arguments) => Run(new Dictionary<string, string?>(), arguments);

    /// <summary>Runs bicep with extra environment variables (a null value removes the variable).</summary>
    public static Result Run(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}");
        }
        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
