namespace VoiceFunctions.Shared.Outbound;

/// <summary>One turn in the post-call report: what the callee/caller said and what the agent answered.</summary>
public sealed record PostCallTurn(int Sequence, string? CallerText, string? AgentText, int? ResponseLatencyMs, bool Interrupted);
