namespace VoiceFunctions.Functions.Health;

/// <summary>One component's check: its status, how long the check took, and what was found.</summary>
public sealed record ComponentHealth(string Name, HealthStatus Status, int LatencyMs, string Detail);
