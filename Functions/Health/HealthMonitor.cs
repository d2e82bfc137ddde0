using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.Functions.Health;

/// <summary>
/// One run of the HealthCheck timer: check, store the snapshot, decide on an alert, send it, record it in the
/// alert log (with what the webhook did), remember the state. The state is saved only after the message went out,
/// so a failed send is tried again (and recorded again) at the next check rather than lost; a lost race with an
/// overlapping run sends nothing.
/// </summary>
public sealed class HealthMonitor(HealthChecker checker, HealthSnapshotStore snapshots, AlertSender sender, AlertLog alerts, IOptions<HealthOptions> options, ILogger<HealthMonitor> logger)
{
    public async Task<HealthReport> RunAsync(CancellationToken ct)
    {
        var report = await checker.CheckAsync(ct).ConfigureAwait(false);
        await snapshots.SaveAsync(report, ct).ConfigureAwait(false);
        var (state, etag) = await snapshots.GetAlertStateAsync(ct).ConfigureAwait(false);
        var (next, message) = new AlertPolicy(options.Value).Evaluate(state, report);
        if (message is not null)
        {
            HealthLog.Alert(logger, message.Kind, message.Summary);
            var delivery = await sender.SendAsync(message, ct).ConfigureAwait(false);
            await alerts.AddAsync(AlertRecord.Of(message, delivery), ct).ConfigureAwait(false);
            if (delivery.Outcome == AlertDelivery.Failed)
            {
                HealthLog.AlertNotSent(logger, message.Kind, delivery.Detail);
                return report;
            }
        }
        await snapshots.TrySaveAlertStateAsync(next, etag, ct).ConfigureAwait(false);
        return report;
    }
}
