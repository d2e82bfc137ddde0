namespace VoiceFunctions.Functions.Health;

/// <summary>The state of one component, or of the whole system (the worst of its components).</summary>
public enum HealthStatus
{
    Healthy,
    /// <summary>Working but slower than the latency threshold, or not set up as expected.</summary>
    Degraded,
    Down,
    /// <summary>Not checked (not configured).</summary>
    Skipped,
}
