namespace VoiceFunctions.Cli.Output.Results;

/// <summary>One backup: when, of which server, and how many objects it holds.</summary>
public sealed record BackupResult(string Id, DateTimeOffset CreatedAt, string Server, int InboundTrunks, int OutboundTrunks, int DispatchRules);
