using Azure.Data.Tables;
using DurableTask.AzureStorage;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// A task hub of a test's own in Azurite, read as the Durable Functions monitor reads it: the instance table
/// (<c>{hub}Instances</c>, one row per orchestration, partition key = instance id) and the history table.
/// Disposing deletes the hub's tables, queues and containers.
/// </summary>
public sealed class TaskHubStorage : IAsyncDisposable
{
    public TaskHubStorage()
    {
        Name = "t" + Guid.NewGuid().ToString("N")[..16];
        Instances = new TableClient(Azurite.ConnectionString, Name + "Instances");
        History = new TableClient(Azurite.ConnectionString, Name + "History");
    }

    public string Name { get; }
    public TableClient Instances { get; }
    public TableClient History { get; }

    /// <summary>The instance's row, or null while the hub has none for it.</summary>
    public async Task<TableEntity?> InstanceAsync(string instanceId)
    {
        try
        {
            var row = await Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "");
            return row.HasValue ? row.Value : null;
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null; // the table is made when the hub starts
        }
    }

    /// <summary>Polls the instance's row until <paramref name="done"/> holds; fails with the last row seen.</summary>
    public async Task<TableEntity> WaitForInstanceAsync(string instanceId, Func<TableEntity, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        TableEntity? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await InstanceAsync(instanceId);
            if (last is not null && done(last))
            {
                return last;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{what}: not within {timeout}; last row: {(last is null ? "none" : string.Join(", ", last.Select(kv => $"{kv.Key}={kv.Value}")))}");
    }

    /// <summary>How many times the instance was started (ExecutionStarted events in its history).</summary>
    public async Task<int> ExecutionsStartedAsync(string instanceId)
    {
        var count = 0;
        await foreach (var e in History.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId))
        {
            count += e.GetString("EventType") == "ExecutionStarted" ? 1 : 0;
        }
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = Name,
            StorageAccountClientProvider = new StorageAccountClientProvider(Azurite.ConnectionString),
        });
        await service.DeleteAsync();
    }
}
