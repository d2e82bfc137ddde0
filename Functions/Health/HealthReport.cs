namespace VoiceFunctions.Functions.Health;

/// <summary>One health check of every component.</summary>
public sealed record HealthReport(DateTimeOffset CheckedAt, IReadOnlyList<ComponentHealth> Components)
{
    public HealthStatus Overall =>
        Components.Any(c => c.Status == HealthStatus.Down) ? HealthStatus.Down
        : Components.Any(c => c.Status == HealthStatus.Degraded) ? HealthStatus.Degraded
        : HealthStatus.Healthy;

    public ComponentHealth? Component(string name) => Components.FirstOrDefault(c => c.Name == name);
}
