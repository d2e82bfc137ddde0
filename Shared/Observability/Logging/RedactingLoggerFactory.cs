using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Shared.Observability.Logging;

/// <summary>
/// The logger factory every ILogger comes from, with redaction in front of all providers (console, OpenTelemetry,
/// Application Insights, the Functions host): messages, structured state, scopes and exceptions pass through the
/// <see cref="SecretRedactor"/> before any provider sees them. Decorating the factory rather than each provider
/// keeps the providers' own configuration (per-provider log levels, formatter options) working unchanged.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
