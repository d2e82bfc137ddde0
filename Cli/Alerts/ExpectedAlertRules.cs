namespace VoiceFunctions.Cli.Alerts;

/// <summary>
/// The alert rules infra/alerts.bicep deploys, by name suffix (names are "{namePrefix}-{suffix}") and resource
/// type. A test reads the bicep file and fails when the two lists drift.
/// </summary>
public static class ExpectedAlertRules
{
    public const string LogAlertType = "Microsoft.Insights/scheduledQueryRules";
    public const string MetricAlertType = "Microsoft.Insights/metricAlerts";

    public static readonly IReadOnlyList<(string Suffix, string Type)> Rules =
    [
        ("function-failures", LogAlertType),
        ("webhook-unauthorized-rate", LogAlertType),
        ("calls-ending-in-fallback", LogAlertType),
        ("health-check-failures", LogAlertType),
        ("voice-to-voice-p95", LogAlertType),
        ("mediahost-down", MetricAlertType),
    ];
}
