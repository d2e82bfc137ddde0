using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using VoiceFunctions.Functions.Health;

namespace VoiceFunctions.Functions.Timers;

/// <summary>
/// The timer functions. Schedules are app settings (NCRONTAB with seconds): HealthCheckSchedule
/// (default every minute), ReconciliationSchedule (every 5 minutes),
/// PurgeSchedule (daily). The local host runs the same methods on the same settings.
/// </summary>
public sealed class TimerFunctions(HealthMonitor health, CallReconciler reconciler, HistoryPurger purger, CallRowPurger callRows,
    Shared.Calls.EventDedupeStore dedupe, Microsoft.Extensions.Options.IOptions<Webhooks.WebhookOptions> webhooks)
{
    [Function("HealthCheck")]
    public Task HealthCheck([TimerTrigger("%HealthCheckSchedule%")] TimerInfo timer, CancellationToken ct) => health.RunAsync(ct);

    /// <summary>Also removes event ids older than the dedupe retention.</summary>
    [Function("Reconciliation")]
    public async Task Reconciliation([TimerTrigger("%ReconciliationSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        await reconciler.RunAsync(durable, ct).ConfigureAwait(false);
        await dedupe.CleanupAsync(TimeSpan.FromHours(webhooks.Value.DedupeRetentionHours), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the Durable history of calls finished longer ago than Retention:Days, so the task hub does not grow forever,
    /// and the call rows of calls started longer ago than Retention:CallDays.
    /// </summary>
    [Function("Purge")]
    public async Task Purge([TimerTrigger("%PurgeSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        await purger.PurgeAsync(durable, ct).ConfigureAwait(false);
        await callRows.PurgeAsync(ct).ConfigureAwait(false);
    }
}
