using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>An outbound call that was never answered, to be recorded as such.</summary>
public sealed record UnansweredCallInput(OutboundCallStart Call, DialResult Result, DateTimeOffset EndedAt);
