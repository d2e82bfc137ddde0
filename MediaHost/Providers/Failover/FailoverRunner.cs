using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// Opens a turn's output stream on the first provider of a chain that delivers a first item: healthy providers in
/// configured order, then the unhealthy ones (so a chain whose members all look down still tries each before
/// giving up). A provider that fails (or misses its first-result deadline, which the last one left does not have) is marked unhealthy and the next takes the same turn. Once an item was
/// delivered the turn stays with that provider: audio or text already passed on cannot be taken back.
/// </summary>
internal static class FailoverRunner
{
    public static async Task<(AttemptStream<T> Stream, string Provider)> OpenAsync<TProvider, T>(
        string stage, IReadOnlyList<ChainMember<TProvider>> members, Func<TProvider, CancellationToken, IAsyncEnumerable<T>> open,
        FailoverOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        var order = Order(members);
        for (var i = 0; i < order.Count; i++)
        {
            var member = order[i];
            var started = time.GetTimestamp();
            try
            {
                // The last provider left has no first-result deadline: cutting it would only mean the apology while it
                // may still answer within the caller's (stage) deadline.
                var deadline = i + 1 < order.Count ? options.FirstResultDeadline : Timeout.InfiniteTimeSpan;
                var stream = await member.Pipeline.ExecuteAsync(
                    async token => await AttemptStream<T>.OpenAsync(t => open(member.Provider, t), member.Name, deadline, time, token).ConfigureAwait(false),
                    cancellationToken).ConfigureAwait(false);
                FailoverLog.FirstResult(logger, stage, member.Name, time.GetElapsedTime(started).TotalMilliseconds);
                return (stream, member.Name);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && VendorFault.FailsOver(e))
            {
                failures.Add(e);
                member.Health.MarkFailed(e);
                ProviderJournal.Failed(stage, member.Name, e);
                FailoverLog.AttemptFailed(logger, stage, member.Name, time.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name,
                    i + 1 < order.Count ? "trying " + order[i + 1].Name : "no provider left");
            }
        }
        throw Exhausted(stage, failures, logger);
    }

    /// <summary>Healthy members first, each group in configured order.</summary>
    public static List<ChainMember<TProvider>> Order<TProvider>(IReadOnlyList<ChainMember<TProvider>> members)
    {
        var order = new List<ChainMember<TProvider>>(members.Count);
        order.AddRange(members.Where(m => m.Health.IsHealthy));
        order.AddRange(members.Where(m => !m.Health.IsHealthy));
        return order;
    }

    /// <summary>A one-provider chain rethrows that provider's own failure; a longer one reports them all.</summary>
    public static ProviderException Exhausted(string stage, List<Exception> failures, ILogger logger)
    {
        FailoverLog.AllFailed(logger, stage, failures.Count);
        return failures is [ProviderException only] ? only : new AllProvidersFailedException(stage, failures);
    }
}
