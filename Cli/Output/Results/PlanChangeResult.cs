namespace VoiceFunctions.Cli.Output.Results;

/// <summary>One change of a plan: action create|update|delete, kind "inbound trunk"|"outbound trunk"|"dispatch rule".</summary>
public sealed record PlanChangeResult(string Action, string Kind, string Name, string? RemoteId, IReadOnlyList<PlanFieldResult> Fields);
