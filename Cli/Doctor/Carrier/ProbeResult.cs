namespace VoiceFunctions.Cli.Doctor.Carrier;

/// <summary>What one OPTIONS probe saw: the outcome, the status and reason when answered, the round trip, and the error text otherwise.</summary>
public sealed record ProbeResult(ProbeOutcome Outcome, int Status = 0, string Reason = "", TimeSpan RoundTrip = default, string? Error = null);
