using System.CommandLine;

namespace VoiceFunctions.Cli.Commands;

/// <summary>--backup-dir: where apply keeps backups (default .voicectl/backups beside the file; never commit it).</summary>
public static class BackupDirectoryOption
{
    public static Option<DirectoryInfo?> Create() => new("--backup-dir")
    {
        HelpName = "DIR",
        Description = "Folder of the backups (default: .voicectl/backups beside the deployment file, or in the current folder).",
    };

    public static string Read(ParseResult parse, Option<DirectoryInfo?> option, FileInfo? file) =>
        parse.GetValue(option)?.FullName ?? SipCommandSupport.DefaultBackupDirectory(file);
}
