namespace VoiceFunctions.Functions.Health;

/// <summary>The JSON POSTed to the alert webhook: "alert" when an outage starts, "recovery" when it ends.</summary>
public sealed record AlertMessage(string Kind, string Summary, DateTimeOffset At, DateTimeOffset? OutageSince, IReadOnlyList<ComponentHealth> Components);
