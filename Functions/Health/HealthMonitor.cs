using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.Functions.Health;

/// <summary>
/// One run of the HealthCheck timer: check, store the snapshot, decide on an alert, send it, remember
/// the state. The state is saved only after the message went out, so a failed send is tried again at
/// the next check rather than lost; a lost race with an overlapping run sends nothing.
/// </summary>
public sealed class HealthMonitor(HealthChecker checker, HealthSnapshotStore snapshots, AlertSender sender, IOptions<HealthOptions> options, ILogger<HealthMonitor> logger)
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
            if (sender.IsConfigured)
            {
                try
                {
                    await sender.SendAsync(message, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
                {
                    HealthLog.AlertNotSent(logger, e, message.Kind);
                    return report;
                }
            }
        }
        await snapshots.TrySaveAlertStateAsync(next, etag, ct).ConfigureAwait(false);
        return report;
    }
}
