namespace VoiceFunctions.Fuzz;

/// <summary>
/// Thrown when a parser broke one of its promises (it threw, accepted something it cannot read back, or a stream read
/// differs from a datagram read). Malformed input alone never throws this: it must give a status and a reason.
/// </summary>
public sealed class InvariantViolation(string message, Exception? inner = null) : Exception(message, inner);
