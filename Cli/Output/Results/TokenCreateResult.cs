namespace VoiceFunctions.Cli.Output.Results;

/// <summary>`token create --json` (schema/voicectl/token-create.schema.json).</summary>
public sealed record TokenCreateResult(string Token, string Identity, string? Room, DateTimeOffset ExpiresAt);
