namespace VoiceFunctions.Cli.Alerts;

/// <summary>`alerts list --json` (schema/voicectl/alerts-list.schema.json). Ok: every expected rule exists and is enabled.</summary>
public sealed record AlertListResult(string Subscription, string ResourceGroup, string NamePrefix, bool Ok, IReadOnlyList<AlertRuleResult> Rules);
