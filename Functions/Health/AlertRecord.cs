namespace VoiceFunctions.Functions.Health;

/// <summary>
/// One alert or recovery message as the health checker sent it, kept for the console's health view: when, which
/// checks, how bad, the message, and what the alert webhook did with it.
/// </summary>
/// <param name="Checks">The components found down or degraded ("error rate" when only the rate crossed its threshold); empty for a recovery.</param>
public sealed record AlertRecord(
    DateTimeOffset At,
    string Kind,
    AlertSeverity Severity,
    IReadOnlyList<string> Checks,
    string Message,
    AlertDelivery Delivery,
    string DeliveryDetail)
{
    public const string ErrorRateCheck = "error rate";

    public static AlertRecord Of(AlertMessage message, AlertDeliveryResult delivery)
    {
        var recovery = message.Kind == "recovery";
        var failing = recovery ? [] : message.Components.Where(c => c.Status is HealthStatus.Down or HealthStatus.Degraded).ToList();
        var severity = recovery ? AlertSeverity.Info
            : failing.Any(c => c.Status == HealthStatus.Down) ? AlertSeverity.Critical
            : AlertSeverity.Warning;
        IReadOnlyList<string> checks = recovery ? [] : failing.Count > 0 ? failing.Select(c => c.Name).ToList() : [ErrorRateCheck];
        return new AlertRecord(message.At, message.Kind, severity, checks, message.Summary, delivery.Outcome, delivery.Detail);
    }
}
