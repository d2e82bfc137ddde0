using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Shared.Tests.Observability;

/// <summary>
/// A logging provider that records everything a real provider could write: the formatted message, every state
/// value, every active scope (through the factory's external scope provider, as console and OpenTelemetry do)
/// and the exception's message, stack trace and full text.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public ConcurrentQueue<string> Written { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public string AllText => string.Join("\n", Written);

    private sealed class CapturingLogger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.Written.Enqueue("message: " + formatter(state, exception));
            owner.Written.Enqueue("state: " + state);
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    owner.Written.Enqueue($"state {key}: {value}");
                }
            }
            owner._scopes?.ForEachScope(static (scope, written) =>
            {
                written.Enqueue("scope: " + scope);
                if (scope is IEnumerable<KeyValuePair<string, object?>> scopePairs)
                {
                    foreach (var (key, value) in scopePairs)
                    {
                        written.Enqueue($"scope {key}: {value}");
                    }
                }
            }, owner.Written);
            if (exception is not null)
            {
                owner.Written.Enqueue("exception message: " + exception.Message);
                owner.Written.Enqueue("exception stack: " + exception.StackTrace);
                owner.Written.Enqueue("exception: " + exception);
                for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
                {
                    owner.Written.Enqueue("inner: " + inner.Message);
                }
            }
        }
    }
}
