using VoiceFunctions.Cli.Output;

namespace VoiceFunctions.Cli;

/// <summary>What every command needs from the process: where to write, the environment and the clock.</summary>
public sealed class CliContext(Terminal terminal, Func<string, string?> environment, TimeProvider time)
{
    public Terminal Terminal { get; } = terminal;

    public Func<string, string?> Environment { get; } = environment;

    public TimeProvider Time { get; } = time;

    public static CliContext FromProcess() =>
        new(Terminal.FromConsole(), System.Environment.GetEnvironmentVariable, TimeProvider.System);

    /// <summary>Reports a usage problem (bad path, bad option value) on stderr and returns exit code 2.</summary>
    public int UsageError(string message)
    {
        Terminal.Error.WriteLine("voicectl: " + message);
        return ExitCodes.Usage;
    }
}
