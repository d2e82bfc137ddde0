using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.Shared.Observability.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.CallConsole;
using VoiceFunctions.Functions.Health;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Timers;
using VoiceFunctions.Functions.Webhooks;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>
/// Composes the control plane's function classes on Kestrel: the same routes as the function app
/// (/api/…), the same services (AddControlPlane), the orchestration in the in-process Durable
/// backend, and the timer functions as periodic hosted services.
/// </summary>
public static class LocalControlPlaneHost
{
    /// <param name="configure">Extra configuration (tests, benchmarks); applied after the settings file and environment.</param>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var settingsFile = builder.Configuration["settings"];
        if (!string.IsNullOrEmpty(settingsFile))
        {
            builder.Configuration.AddLocalSettingsFile(settingsFile);
            builder.Configuration.AddEnvironmentVariables();
        }
        configure?.Invoke(builder.Configuration);
        // The same JSON lines, redaction and /metrics as the deployed planes; a caller's logging hook comes last.
        builder.Logging.AddVoiceFunctionsJsonConsole();
        builder.Services.AddVoiceFunctionsTelemetry(builder.Configuration, "voicefunctions-local-control-plane");
        logging?.Invoke(builder.Logging);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 7071));
        }

        builder.Services.AddControlPlane(builder.Configuration);
        builder.Services.AddOptions<LocalHostOptions>().Bind(builder.Configuration.GetSection(LocalHostOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var local = builder.Configuration.GetSection(LocalHostOptions.SectionName).Get<LocalHostOptions>() ?? new LocalHostOptions();
        AddDurableBackend(builder, local);
        builder.Services.AddSingleton<LiveKitWebhookFunction>();
        builder.Services.AddSingleton<AgentEventsFunction>();
        builder.Services.AddSingleton<HealthApiFunctions>();
        builder.Services.AddSingleton<CallsApiFunctions>();
        builder.Services.AddSingleton<ConsoleFunctions>();
        if (local.RunTimers)
        {
            AddJob(builder.Services, "HealthCheck", local.HealthCheckSeconds, false, (sp, ct) => sp.GetRequiredService<HealthMonitor>().RunAsync(ct));
            AddJob(builder.Services, "TokenRefresh", local.TokenRefreshSeconds, false, (sp, ct) => sp.GetRequiredService<MediaHostTokenPublisher>().PublishAsync(ct));
            AddJob(builder.Services, "Reconciliation", local.ReconciliationSeconds, false, async (sp, ct) =>
            {
                await sp.GetRequiredService<CallReconciler>().RunAsync(sp.GetRequiredService<DurableTaskClient>(), ct).ConfigureAwait(false);
                await sp.GetRequiredService<Shared.Calls.EventDedupeStore>().CleanupAsync(
                    TimeSpan.FromHours(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.DedupeRetentionHours), ct).ConfigureAwait(false);
            });
        }

        var app = builder.Build();
        MapFunctions(app);
        app.MapVoiceFunctionsMetrics();
        return app;
    }

    private static void MapFunctions(WebApplication app)
    {
        app.MapPost("/api/livekit/webhook", (HttpContext ctx, LiveKitWebhookFunction f, DurableTaskClient client) =>
            Execute(ctx, f.Run(ctx.Request, client, ctx.RequestAborted)));
        app.MapPost("/api/calls/{callId}/events", (HttpContext ctx, string callId, AgentEventsFunction f, DurableTaskClient client) =>
            Execute(ctx, f.Run(ctx.Request, callId, client, ctx.RequestAborted)));
        app.MapGet("/api/health", (HttpContext ctx, HealthApiFunctions f) => Execute(ctx, f.Health(ctx.Request, ctx.RequestAborted)));
        app.MapGet("/api/health/detailed", (HttpContext ctx, HealthApiFunctions f) => Execute(ctx, f.Detailed(ctx.Request, ctx.RequestAborted)));
        app.MapGet("/api/health/livekit", (HttpContext ctx, HealthApiFunctions f) => Execute(ctx, f.LiveKit(ctx.Request, ctx.RequestAborted)));
        app.MapGet("/api/health/sip", (HttpContext ctx, HealthApiFunctions f) => Execute(ctx, f.Sip(ctx.Request, ctx.RequestAborted)));
        app.MapGet("/api/calls", (HttpContext ctx, CallsApiFunctions f) => Execute(ctx, f.List(ctx.Request, ctx.RequestAborted)));
        app.MapGet("/api/calls/{callId}", (HttpContext ctx, string callId, CallsApiFunctions f) => Execute(ctx, f.Get(ctx.Request, callId, ctx.RequestAborted)));
        app.MapGet("/api/calls/{callId}/timeline", (HttpContext ctx, string callId, CallsApiFunctions f) => Execute(ctx, f.Timeline(ctx.Request, callId, ctx.RequestAborted)));
        app.MapGet("/api/console/{**path}", (HttpContext ctx, string? path, ConsoleFunctions f) => Execute(ctx, Task.FromResult(f.Get(ctx.Request, path))));
        app.MapGet("/console", (HttpContext ctx) => Results.Redirect("/api/console/"));
    }

    private static async Task Execute(HttpContext context, Task<IActionResult> function)
    {
        var result = await function.ConfigureAwait(false);
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
    }

    /// <summary>The orchestrations' backend: by default the production provider on the app's storage account.</summary>
    private static void AddDurableBackend(WebApplicationBuilder builder, LocalHostOptions local)
    {
        var port = local.DurablePort == 0 ? FreeLoopbackPort() : local.DurablePort;
        if (local.DurableBackend == DurableBackend.InMemory)
        {
            builder.Services.AddInMemoryDurableTask(registry => registry.AddCallTasks(), new InMemoryDurableTaskOptions { Port = port });
            return;
        }
        var storage = builder.Configuration["AzureWebJobsStorage"];
        if (string.IsNullOrEmpty(storage))
        {
            throw new InvalidOperationException("AzureWebJobsStorage is not set: the Durable Azure Storage backend keeps the task hub in that account (UseDevelopmentStorage=true for Azurite)");
        }
        var hub = HostJsonSettings.Load(local.HostJsonPath ?? HostJsonSettings.DefaultPath);
        if (!string.IsNullOrEmpty(local.TaskHubName))
        {
            hub = hub with { HubName = local.TaskHubName };
        }
        builder.Services.AddAzureStorageDurableTask(storage, hub, port, registry => registry.AddCallTasks());
    }

    private static void AddJob(IServiceCollection services, string name, int seconds, bool runOnStart, Func<IServiceProvider, CancellationToken, Task> work) =>
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new PeriodicJob(name, TimeSpan.FromSeconds(seconds), runOnStart, work, sp,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PeriodicJob>>()));

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
