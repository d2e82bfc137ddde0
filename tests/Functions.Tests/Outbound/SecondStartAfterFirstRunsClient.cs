using System.Collections.Concurrent;
using DurableTask.Core;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>
/// A double around the Durable Azure Storage provider's client (the real one, <paramref name="inner"/>) that makes one
/// interleaving of two starts of the same instance certain: both starters have asked "does it exist?" and heard no
/// (each start waits here until the other has arrived too, at most <see cref="PairWait"/>), the first start is then
/// created and runs its first episode (its instance row says Running), and only then does the second start reach the
/// provider. That is the race of a campaign call in direct mode: the dial's answer and the MediaHost's "answered" event
/// start the same call id at the same moment; on a loaded machine the second start came seconds after its check.
/// </summary>
public sealed class SecondStartAfterFirstRunsClient(IOrchestrationServiceClient inner) : IOrchestrationServiceClient
{
    private static readonly TimeSpan PairWait = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<string, Pair> _pairs = new(StringComparer.Ordinal);

    /// <summary>The execution id of the first start of <paramref name="instanceId"/> (null before it was created).</summary>
    public string? FirstExecutionId(string instanceId) => _pairs.TryGetValue(instanceId, out var pair) ? pair.FirstExecutionId : null;

    /// <summary>How many starts of <paramref name="instanceId"/> reached the provider.</summary>
    public int Starts(string instanceId) => _pairs.TryGetValue(instanceId, out var pair) ? pair.Arrived : 0;

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => CreateTaskOrchestrationAsync(creationMessage, null!);

    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        var instanceId = creationMessage.OrchestrationInstance.InstanceId;
        var pair = _pairs.GetOrAdd(instanceId, _ => new Pair());
        var order = Interlocked.Increment(ref pair.Arrived);
        if (order == 1)
        {
            await pair.Second.Task.WaitAsync(PairWait).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            pair.FirstExecutionId = creationMessage.OrchestrationInstance.ExecutionId;
            try
            {
                await inner.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses).ConfigureAwait(false);
                await UntilRunningAsync(instanceId).ConfigureAwait(false);
            }
            finally
            {
                pair.FirstRunning.TrySetResult();
            }
            return;
        }
        pair.Second.TrySetResult();
        await pair.FirstRunning.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        await inner.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses).ConfigureAwait(false);
    }

    private async Task UntilRunningAsync(string instanceId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var states = await inner.GetOrchestrationStateAsync(instanceId, allExecutions: false).ConfigureAwait(false);
            if (states is [{ OrchestrationStatus: OrchestrationStatus.Running }, ..])
            {
                return;
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => inner.SendTaskOrchestrationMessageAsync(message);
    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => inner.SendTaskOrchestrationMessageBatchAsync(messages);
    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
        inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);
    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) => inner.GetOrchestrationStateAsync(instanceId, allExecutions);
    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) => inner.GetOrchestrationStateAsync(instanceId, executionId);
    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => inner.GetOrchestrationHistoryAsync(instanceId, executionId);
    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    private sealed class Pair
    {
        public int Arrived;
        public string? FirstExecutionId;
        public TaskCompletionSource Second { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource FirstRunning { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
