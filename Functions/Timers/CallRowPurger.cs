using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Timers;

/// <summary>
/// The Purge timer's second job: deletes calls started more than <see cref="RetentionOptions.CallDays"/> whole UTC days
/// ago from the call table (<see cref="CallRetention"/>). Idempotent: a run cut off is finished by the next.
/// </summary>
public sealed class CallRowPurger(CallRetention retention, IOptions<RetentionOptions> options, TimeProvider time, ILogger<CallRowPurger> logger)
{
    public async Task<CallRowPurge> PurgeAsync(CancellationToken ct)
    {
        var cutoff = CallRetention.CutoffFor(time.GetUtcNow(), options.Value.CallDays);
        var result = await retention.PurgeBeforeAsync(cutoff, options.Value.CallBatchSize, ct).ConfigureAwait(false);
        PurgeLog.CallRowsPurged(logger, result.Calls, result.Rows, cutoff, result.OpenKept);
        return result;
    }
}
