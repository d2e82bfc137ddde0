using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>
/// The local host's durable backend on the production provider: the Durable Task Azure Storage provider over the
/// app's storage account (Azurite locally), served to the worker and client through <see cref="TaskHubSidecar"/>.
/// Task hub name, partition count, concurrency and queue polling come from host.json, so the hub's tables
/// (<c>{hub}Instances</c>, <c>{hub}History</c>) and queues are the ones the function app would use in Azure.
/// </summary>
public static class AzureStorageDurableTask
{
    public static IServiceCollection AddAzureStorageDurableTask(this IServiceCollection services, string storageConnectionString, HostJsonSettings hub, int port, Action<DurableTaskRegistry> tasks)
    {
        services.AddSingleton(sp => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = hub.HubName,
            PartitionCount = hub.PartitionCount,
            StorageAccountClientProvider = new StorageAccountClientProvider(storageConnectionString),
            MaxConcurrentTaskActivityWorkItems = hub.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = hub.MaxConcurrentOrchestratorFunctions,
            MaxQueuePollingInterval = hub.MaxQueuePollingInterval,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
        }));
        services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton(sp => new TaskHubSidecar(
            sp.GetRequiredService<IOrchestrationService>(), sp.GetRequiredService<IOrchestrationServiceClient>(), port, sp.GetRequiredService<ILoggerFactory>()));
        // Registered before the worker: hosted services start in order, so the sidecar listens before the worker connects.
        services.AddHostedService(sp => sp.GetRequiredService<TaskHubSidecar>());
        var address = $"http://127.0.0.1:{port}";
        services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(address);
            b.AddTasks(tasks);
            b.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = hub.MaxConcurrentActivityFunctions;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = hub.MaxConcurrentOrchestratorFunctions;
            });
        });
        services.AddDurableTaskClient(b =>
        {
            b.UseGrpc(address);
            b.RegisterDirectly();
        });
        return services;
    }
}
