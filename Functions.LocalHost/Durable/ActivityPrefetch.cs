using System.Threading.Channels;
using DurableTask.Core;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>
/// Activity work items taken from the provider by several fetch loops at once, handed out one by one.
/// Why: the sidecar's activity dispatcher fetches one work item at a time, and the Azure Storage provider's fetch is one
/// work-item queue read (a round trip to storage), so activities start no faster than one per round trip. In Azure that is
/// one fetch loop per instance, and instances scale out; the local host is a single instance on Azurite, whose reads
/// took 136 ms (p50) in a loaded load run (bench/results/control-plane.md), which held activities at ~7 per second and
/// left their messages 8 s (p50) in the queue. Each loop takes one message at a time as the provider does (the
/// queue's visibility lock makes parallel reads safe); at most <c>fetchers</c> items wait here, and on stop those are
/// abandoned back to the queue.
/// </summary>
public sealed class ActivityPrefetch(IOrchestrationService service, int fetchers, TimeProvider time) : IAsyncDisposable
{
    private readonly Channel<TaskActivityWorkItem> _ready = Channel.CreateBounded<TaskActivityWorkItem>(Math.Max(1, fetchers));
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _loops;

    /// <summary>The next activity work item, waiting until one is fetched or <paramref name="cancellationToken"/> ends the wait.</summary>
    public async Task<TaskActivityWorkItem> NextAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _loops ??= Task.WhenAll(Enumerable.Range(0, Math.Max(1, fetchers)).Select(_ => Task.Run(FetchLoopAsync)));
        }
        return await _ready.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FetchLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var item = await service.LockNextTaskActivityWorkItem(Timeout.InfiniteTimeSpan, _stop.Token).ConfigureAwait(false);
                if (item is null)
                {
                    continue; // the provider returns null when it stops
                }
                if (!_ready.Writer.TryWrite(item))
                {
                    await _ready.Writer.WriteAsync(item, _stop.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // As the dispatcher would: wait as long as the provider asks before fetching again.
                var delay = TimeSpan.FromSeconds(Math.Max(1, service.GetDelayInSecondsAfterOnFetchException(e)));
                try
                {
                    await Task.Delay(delay, time, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Stops fetching and gives back the work items fetched but not handed out (they run again at once, not after the lock expires).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Task? loops;
        lock (_gate)
        {
            loops = _loops;
        }
        if (loops is not null)
        {
            try
            {
                // A loop inside the provider's fetch ends when the provider stops, if not at the cancellation.
                await loops.WaitAsync(TimeSpan.FromSeconds(5), time).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }
        _ready.Writer.TryComplete();
        while (_ready.Reader.TryRead(out var left))
        {
            await service.AbandonTaskActivityWorkItemAsync(left).ConfigureAwait(false);
        }
        _stop.Dispose();
    }
}
