namespace VoiceFunctions.Cli.Alerts;

/// <summary>`alerts test --json` (schema/voicectl/alerts-test.schema.json): whether the channel took the test alert.</summary>
public sealed record AlertTestResult(bool Delivered, string Channel, string Source, int? Status, double ElapsedMs, string? Error);
