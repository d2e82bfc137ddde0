namespace VoiceFunctions.Cli.Output;

/// <summary>How a command prints its result: columns for people, or JSON for scripts and CI.</summary>
public enum OutputFormat
{
    Table,
    Json,
}
