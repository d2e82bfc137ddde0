using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.Shared.Observability.Logging;
using VoiceFunctions.Functions.LocalHost.FunctionApp;
using VoiceFunctions.Functions.Orchestrations;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>
/// Composes the control plane's function classes on Kestrel: every HTTP function on its declared route under
/// host.json's route prefix and every timer function on its NCRONTAB schedule setting (both read from the function
/// attributes, see <see cref="FunctionCatalog"/>), the same services (AddControlPlane), and the orchestrations on the
/// Durable Azure Storage provider (or the in-process test backend).
/// </summary>
public static class LocalControlPlaneHost
{
    /// <param name="configure">Extra configuration (tests, benchmarks); applied after the settings file and environment.</param>
    /// <param name="services">Registrations applied last (tests replace a part of the durable backend with it).</param>
    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null, Action<ILoggingBuilder>? logging = null, Action<IServiceCollection>? services = null)
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
        var hostJson = HostJsonSettings.Load(local.HostJsonPath ?? HostJsonSettings.DefaultPath);
        AddDurableBackend(builder, local, hostJson);
        var catalog = FunctionCatalog.Of(typeof(ControlPlaneServices).Assembly);
        foreach (var functionClass in catalog.FunctionClasses)
        {
            builder.Services.AddSingleton(functionClass);
        }
        if (local.RunTimers)
        {
            foreach (var timer in catalog.Timers)
            {
                var schedule = TimerSchedules.Resolve(timer, builder.Configuration);
                builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new TimerFunctionJob(timer, schedule, sp,
                    sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TimerFunctionJob>>()));
            }
        }

        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapHttpFunctions(catalog, hostJson.RoutePrefix);
        // Local convenience only (no function): the call console's short address.
        app.MapGet("/console", () => Results.Redirect(FunctionEndpoints.RoutePattern(hostJson.RoutePrefix, "console") + "/"));
        app.MapVoiceFunctionsMetrics();
        return app;
    }

    /// <summary>The orchestrations' backend: by default the production provider on the app's storage account.</summary>
    private static void AddDurableBackend(WebApplicationBuilder builder, LocalHostOptions local, HostJsonSettings hostJson)
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
        var hub = hostJson;
        if (!string.IsNullOrEmpty(local.TaskHubName))
        {
            hub = hub with { HubName = local.TaskHubName };
        }
        builder.Services.AddAzureStorageDurableTask(storage, hub, port, local.ActivityFetchers, registry => registry.AddCallTasks());
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
