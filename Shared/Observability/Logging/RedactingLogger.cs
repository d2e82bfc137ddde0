using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Shared.Observability.Logging;

/// <summary>One category's logger: formats once, masks, and hands providers only the masked message, state,
/// scope and exception.</summary>
internal sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        inner.BeginScope(RedactedLogState.ForScope(state, redactor));

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }
        ArgumentNullException.ThrowIfNull(formatter);
        var message = redactor.Redact(formatter(state, exception) ?? "");
        var redactedState = RedactedLogState.ForEntry(state, message, redactor);
        var redactedException = RedactedException.Wrap(exception, redactor);
        inner.Log(logLevel, eventId, redactedState, redactedException, static (s, _) => s.Message);
    }
}
