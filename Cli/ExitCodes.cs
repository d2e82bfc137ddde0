namespace VoiceFunctions.Cli;

/// <summary>voicectl's exit codes: scripts and CI read them.</summary>
public static class ExitCodes
{
    /// <summary>Valid, applied, healthy.</summary>
    public const int Ok = 0;

    /// <summary>The file is invalid, a check failed, or an operation failed.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong (unknown option, missing argument, unreadable file).</summary>
    public const int Usage = 2;
}
