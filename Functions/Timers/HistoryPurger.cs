using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.Functions.Timers;

/// <summary>
/// The Purge timer's work: deletes the Durable history (instance rows and history rows) of orchestrations that
/// finished and were created more than <see cref="RetentionOptions.Days"/> ago. Running and pending ones are kept
/// whatever their age (reconciliation closes those).
/// </summary>
public sealed class HistoryPurger(IOptions<RetentionOptions> options, TimeProvider time, ILogger<HistoryPurger> logger)
{
    private static readonly OrchestrationRuntimeStatus[] Finished =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>Returns how many instances were purged.</summary>
    public async Task<int> PurgeAsync(DurableTaskClient durable, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.Days);
        var result = await durable.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedFrom: DateTimeOffset.UnixEpoch, CreatedTo: cutoff, Statuses: Finished), ct).ConfigureAwait(false);
        PurgeLog.HistoryPurged(logger, result.PurgedInstanceCount, cutoff);
        return result.PurgedInstanceCount;
    }
}
