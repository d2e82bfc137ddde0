using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace VoiceFunctions.Shared.Observability;

/// <summary>
/// OpenTelemetry for both planes: the VoiceFunctions meter and activity source, a Prometheus scrape endpoint
/// (<see cref="MetricsPath"/>) and, when APPLICATIONINSIGHTS_CONNECTION_STRING is set (in Azure), export of
/// metrics, traces and logs to Application Insights — with the managed identity when
/// APPLICATIONINSIGHTS_AUTHENTICATION_STRING says "Authorization=AAD".
/// </summary>
public static class ObservabilityTelemetryExtensions
{
    public const string MetricsPath = "/metrics";
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IServiceCollection AddVoiceFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(serviceName);

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddMeter(VoiceFunctionsTelemetry.MeterName, VoiceFunctionsTelemetry.MeterName + ".*")
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing.AddSource(VoiceFunctionsTelemetry.ActivitySourceName, VoiceFunctionsTelemetry.ActivitySourceName + ".*"));

        var connectionString = configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var credential = ApplicationInsightsCredential(configuration[AuthenticationSetting]);
            void Configure(AzureMonitorExporterOptions options)
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
            }
            telemetry
                .WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter(Configure))
                .WithTracing(tracing => tracing.AddAzureMonitorTraceExporter(Configure))
                .WithLogging(logging => logging.AddAzureMonitorLogExporter(Configure));
        }
        return services;
    }

    /// <summary>Serves the Prometheus text format at <see cref="MetricsPath"/>.</summary>
    public static IEndpointConventionBuilder MapVoiceFunctionsMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
    }

    /// <summary>"Authorization=AAD" → the system-assigned identity; "Authorization=AAD;ClientId=…" → that
    /// user-assigned identity; anything else → null (instrumentation-key ingestion).</summary>
    internal static TokenCredential? ApplicationInsightsCredential(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication))
        {
            return null;
        }
        var parts = authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var mode) || !string.Equals(mode, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrEmpty(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
