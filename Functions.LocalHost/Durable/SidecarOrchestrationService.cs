using DurableTask.Core;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>
/// The orchestration service as the sidecar sees it: the provider with three local-host adaptations.
/// <list type="bullet">
/// <item>Stopped at most once. The sidecar stops the service from a lifetime callback that nobody awaits, and the host
/// stops it again to release its leases before the next host starts; the Azure Storage provider's second stop throws
/// (a NullReferenceException in its app lease manager), which from an unawaited callback ends the process. Every stop
/// after the first returns the first one's task. A stop that comes while the provider is still starting waits for the
/// start to finish first: the provider's stop of a half-started lease manager throws the same way.</item>
/// <item>Activities fetched by several loops (<see cref="ActivityPrefetch"/>).</item>
/// <item>Sub-orchestration and ContinueAsNew tags made plain (<see cref="PlainTags"/>).</item>
/// </list>
/// </summary>
public sealed class SidecarOrchestrationService(IOrchestrationService inner, int activityFetchers, TimeProvider time) : IOrchestrationService
{
    private readonly Lock _gate = new();
    private readonly ActivityPrefetch _activities = new(inner, activityFetchers, time);
    private Task? _stopped;
    private Task? _starting;

    public Task StopAsync() => StopAsync(isForced: false);

    public Task StopAsync(bool isForced)
    {
        lock (_gate)
        {
            return _stopped ??= StopOnceAsync(isForced);
        }
    }

    private async Task StopOnceAsync(bool isForced)
    {
        if (StartTask() is { } starting)
        {
            // Its failure is reported to whoever started it; here it only means there is less to stop.
            await starting.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
        // Fetched but not handed out: back to the queue while the provider still runs.
        await _activities.DisposeAsync().ConfigureAwait(false);
        await inner.StopAsync(isForced).ConfigureAwait(false);
    }

    public Task StartAsync()
    {
        lock (_gate)
        {
            return _starting = inner.StartAsync();
        }
    }

    private Task? StartTask()
    {
        lock (_gate)
        {
            return _starting;
        }
    }

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        // Sub-orchestrations and ContinueAsNew: see PlainTags.
        PlainTags.Apply(orchestratorMessages);
        PlainTags.Apply([continuedAsNewMessage]);
        PlainTags.Apply(newOrchestrationRuntimeState?.Events);
        return inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages,
            continuedAsNewMessage, orchestrationState);
    }

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        _activities.NextAsync(cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);
}
