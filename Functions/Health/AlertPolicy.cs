namespace VoiceFunctions.Functions.Health;

/// <summary>
/// Decides, from one health report and the remembered state, whether to alert (pure). A problem is a
/// component Down or Degraded (slow, misconfigured), or an error rate over the recent checks above
/// the threshold. One outage gives one alert, however long it lasts; its end gives one recovery message.
/// </summary>
public sealed class AlertPolicy(HealthOptions options)
{
    public (AlertState State, AlertMessage? Message) Evaluate(AlertState state, HealthReport report)
    {
        var checkedComponents = report.Components.Where(c => c.Status != HealthStatus.Skipped).ToList();
        var recent = state.Recent.Append(new ProbeCount(checkedComponents.Count(c => c.Status == HealthStatus.Down), checkedComponents.Count))
            .TakeLast(options.ErrorRateWindowChecks).ToList();
        var total = recent.Sum(r => r.Total);
        var errorRate = total == 0 ? 0 : (double)recent.Sum(r => r.Failed) / total;

        var problems = checkedComponents.Where(c => c.Status is HealthStatus.Down or HealthStatus.Degraded)
            .Select(c => $"{c.Name} {c.Status.ToString().ToLowerInvariant()}: {c.Detail}").ToList();
        if (errorRate > options.ErrorRateThreshold)
        {
            problems.Add($"error rate {errorRate:P0} over the last {recent.Count} check(s) (threshold {options.ErrorRateThreshold:P0})");
        }

        if (problems.Count > 0 && !state.InOutage)
        {
            var message = new AlertMessage("alert", string.Join("; ", problems), report.CheckedAt, report.CheckedAt, report.Components);
            return (new AlertState(true, report.CheckedAt, recent), message);
        }
        if (problems.Count == 0 && state.InOutage)
        {
            var lasted = report.CheckedAt - state.OutageSince;
            var message = new AlertMessage("recovery", $"all components healthy again after {lasted:hh\\:mm\\:ss}", report.CheckedAt, state.OutageSince, report.Components);
            return (new AlertState(false, null, recent), message);
        }
        return (state with { Recent = recent }, null);
    }
}
