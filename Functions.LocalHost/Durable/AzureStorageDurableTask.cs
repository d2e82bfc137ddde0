using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
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
    public static IServiceCollection AddAzureStorageDurableTask(this IServiceCollection services, string storageConnectionString, HostJsonSettings hub, int port, int activityFetchers,
        Action<DurableTaskRegistry> tasks)
    {
        services.AddSingleton(sp => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            WorkItemQueueVisibilityTimeout = hub.WorkItemQueueVisibilityTimeout ?? TimeSpan.FromMinutes(5),
            ControlQueueVisibilityTimeout = hub.ControlQueueVisibilityTimeout ?? TimeSpan.FromMinutes(5),
            TaskHubName = hub.HubName,
            PartitionCount = hub.PartitionCount,
            StorageAccountClientProvider = new StorageAccountClientProvider(storageConnectionString),
            MaxConcurrentTaskActivityWorkItems = hub.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = hub.MaxConcurrentOrchestratorFunctions,
            MaxQueuePollingInterval = hub.MaxQueuePollingInterval,
            LoggerFactory = sp.GetRequiredService<ILoggerFactory>(),
            // As the Functions host sets it: a start refused by its dedupe statuses throws (the starter learns that another
            // start won and raises into that instance) instead of returning as if it had started (see StartOnce).
            ThrowExceptionOnInvalidDedupeStatus = true,
        }));
        services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddSingleton(sp => new TaskHubSidecar(
            sp.GetRequiredService<IOrchestrationService>(), sp.GetRequiredService<IOrchestrationServiceClient>(), port, activityFetchers, sp.GetRequiredService<ILoggerFactory>()));
        // Registered before the worker: hosted services start in order, so the sidecar listens before the worker connects.
        services.AddHostedService(sp => sp.GetRequiredService<TaskHubSidecar>());
        // One channel for the worker and the client. An HTTP/2 connection carries at most 100 concurrent calls (Kestrel's
        // stream limit): a burst of webhooks, each looking up and raising into its call, would queue behind that one
        // connection, so the channel opens more connections as needed.
        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
            MaxReceiveMessageSize = null,
        });
        services.AddDurableTaskWorker(b =>
        {
            b.UseGrpc(channel);
            b.AddTasks(tasks);
            b.Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = hub.MaxConcurrentActivityFunctions;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = hub.MaxConcurrentOrchestratorFunctions;
            });
        });
        services.AddDurableTaskClient(b =>
        {
            b.UseGrpc(channel);
            b.RegisterDirectly();
        });
        return services;
    }
}
