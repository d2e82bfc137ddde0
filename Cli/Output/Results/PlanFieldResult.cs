namespace VoiceFunctions.Cli.Output.Results;

/// <summary>One field that differs; a secret one has neither value, only <see cref="Secret"/> = true.</summary>
public sealed record PlanFieldResult(string Field, string? Current, string? Desired, bool Secret);
