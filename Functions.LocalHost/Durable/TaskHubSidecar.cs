using System.Net;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>
/// Serves the Durable gRPC sidecar protocol (what the isolated worker's Durable client and worker speak; in Azure
/// the Functions host serves it) over an orchestration service, on loopback HTTP/2. The protocol is the test host
/// package's <see cref="TaskHubGrpcServer"/>, which dispatches work items from whatever
/// <see cref="IOrchestrationService"/> it is given once a worker connects. The task hub is created (if missing)
/// before the first request is served.
/// </summary>
public sealed class TaskHubSidecar(IOrchestrationService service, IOrchestrationServiceClient client, int port, int activityFetchers, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    // The sidecar's own unawaited stop and this host's stop share one stop of the provider; activities are fetched by several loops.
    private readonly IOrchestrationService _service = new SidecarOrchestrationService(service, activityFetchers, TimeProvider.System);
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _service.CreateIfNotExistsAsync().ConfigureAwait(false);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = null;
            o.Interceptors.Add<ContinueAsNewCarryover>(); // events preserved across ContinueAsNew reach the next generation
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_service);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        // The dispatchers finish their work items on shutdown; a stuck one must not hold the host's exit.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var server = builder.Build();
        server.MapGrpcService<TaskHubGrpcServer>();
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        _server = server;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        // The server's own stop of its dispatchers is not awaited (it runs from a lifetime callback): stop the provider
        // here, so its partition leases are released and no queue listener of this host keeps taking messages that a
        // host started next (in this process or another) must process.
        // At most a few seconds: the provider's stop waits for its in-flight work items, and a host that is shutting
        // down must not hang on them (the stop goes on in the background).
        try
        {
            await _service.StopAsync(isForced: false).WaitAsync(TimeSpan.FromSeconds(5), TimeProvider.System, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
