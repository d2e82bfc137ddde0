namespace VoiceFunctions.Cli.Output.Results;

/// <summary>`sip backups --json` (schema/voicectl/sip-backups.schema.json), oldest first.</summary>
public sealed record BackupListResult(string Directory, IReadOnlyList<BackupResult> Backups);
