namespace VoiceFunctions.Cli.Alerts;

/// <summary>One alert rule of the deployment: present or missing, enabled or not. Type is "log" or "metric".</summary>
public sealed record AlertRuleResult(string Name, string Type, bool Exists, bool? Enabled, int? Severity, string? DisplayName, bool Expected);
