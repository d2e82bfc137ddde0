using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.Shared.Observability.Logging;

/// <summary>Logging setup shared by both hosts (Functions worker, MediaHost) and the local host.</summary>
public static class ObservabilityLoggingExtensions
{
    /// <summary>
    /// One JSON object per line on stdout, with scopes (call id, room) and the current trace and span ids on every
    /// line, UTC timestamps, and redaction of secrets and phone numbers in front of every provider. Levels come from
    /// the "Logging" configuration section as usual; redaction options from "Logging:Redaction".
    /// </summary>
    public static ILoggingBuilder AddVoiceFunctionsJsonConsole(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
        logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        logging.Services.AddLogRedaction();
        return logging;
    }

    /// <summary>
    /// Puts <see cref="RedactingLoggerFactory"/> in place of the logger factory, so every provider — registered
    /// before or after this call — receives only masked messages, state, scopes and exceptions. Idempotent.
    /// </summary>
    public static IServiceCollection AddLogRedaction(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(RedactionRegistered)))
        {
            return services;
        }
        services.AddSingleton<RedactionRegistered>();
        services.AddLogging();
        services.AddOptions<RedactionOptions>().Configure<IServiceProvider>((options, sp) =>
            sp.GetService<IConfiguration>()?.GetSection(RedactionOptions.SectionName).Bind(options));
        services.TryAddSingleton(sp => new SecretRedactor(
            sp.GetRequiredService<IOptions<RedactionOptions>>().Value,
            KnownSecrets.From(sp.GetService<IConfiguration>())));
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(
            new LoggerFactory(
                sp.GetServices<ILoggerProvider>(),
                sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                sp.GetService<IOptions<LoggerFactoryOptions>>(),
                sp.GetService<IExternalScopeProvider>()),
            sp.GetRequiredService<SecretRedactor>())));
        return services;
    }

    /// <summary>Marks the service collection as already decorated.</summary>
    private sealed class RedactionRegistered;
}
