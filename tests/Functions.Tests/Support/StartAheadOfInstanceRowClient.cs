using Azure.Data.Tables;
using DurableTask.Core;
using DurableTask.Core.History;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// The Durable Azure Storage provider's client (the real one, <paramref name="inner"/>) with one timing made certain:
/// a new instance's start message is enqueued, the control-queue poller takes it before the instance row exists and
/// defers it (the provider's log says so), and only then is the instance row written as Pending. The provider's own
/// client does the same two steps in that order without the pause; under load the poller wins the race (seen in 3 of
/// 117 calls). The row is written with the columns the provider's tracking store writes for a new execution.
/// </summary>
public sealed class StartAheadOfInstanceRowClient(IOrchestrationServiceClient inner, TableClient instances, string hubName, Func<string, Task> deferralLogged) : IOrchestrationServiceClient
{
    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => CreateTaskOrchestrationAsync(creationMessage, []);

    public async Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        var started = (ExecutionStartedEvent)creationMessage.Event;
        started.Generation ??= 0;
        await inner.SendTaskOrchestrationMessageAsync(creationMessage).ConfigureAwait(false);
        await deferralLogged(creationMessage.OrchestrationInstance.InstanceId).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        await instances.AddEntityAsync(new TableEntity(creationMessage.OrchestrationInstance.InstanceId, "")
        {
            ["Input"] = started.Input,
            ["CreatedTime"] = started.Timestamp,
            ["Name"] = started.Name,
            ["Version"] = started.Version,
            ["RuntimeStatus"] = nameof(OrchestrationStatus.Pending),
            ["LastUpdatedTime"] = DateTime.UtcNow,
            ["TaskHubName"] = hubName,
            ["ExecutionId"] = creationMessage.OrchestrationInstance.ExecutionId,
            ["Generation"] = started.Generation,
            ["Tags"] = System.Text.Json.JsonSerializer.Serialize(started.Tags ?? new Dictionary<string, string>()),
        }).ConfigureAwait(false);
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
}
