namespace VoiceFunctions.Functions.Outbound;

/// <summary>The input of <see cref="OutboundCallOrchestrator"/> and of the dial activity.</summary>
/// <param name="CallId">The call's id (also its room name in LiveKit mode).</param>
/// <param name="To">The callee, E.164.</param>
/// <param name="From">The caller ID, or null for the trunk's default.</param>
/// <param name="RingTimeoutSeconds">How long to ring.</param>
/// <param name="Variables">Per-call variables for the agent's prompt.</param>
/// <param name="RequestedAt">When the API accepted the request.</param>
public sealed record OutboundCallStart(string CallId, string To, string? From, int RingTimeoutSeconds, Dictionary<string, string> Variables, DateTimeOffset RequestedAt);
