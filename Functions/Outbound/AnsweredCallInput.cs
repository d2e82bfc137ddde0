using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>An outbound call the callee answered, at the time the dial said so.</summary>
public sealed record AnsweredCallInput(OutboundCallStart Call, DateTimeOffset AnsweredAt);
