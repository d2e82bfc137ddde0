using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.MediaHost.Outbound;

/// <summary>The HTTP answer to a dial request: 200 with the result, or an error status with why.</summary>
public sealed record OutboundDialAnswer(int Status, DialResult? Result, string? Error);
