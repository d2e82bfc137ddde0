using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// A logging provider that lets a test wait for a log line: <see cref="WaitForAsync"/> completes once a message
/// (formatted, with its state values) contains every given fragment.
/// </summary>
public sealed class LogWatch : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string[], TaskCompletionSource> _waiters = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>Completes when a line containing all <paramref name="fragments"/> was (or is later) written.</summary>
    public Task WaitForAsync(params string[] fragments)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[fragments] = waiter;
        if (_lines.Any(line => Matches(line, fragments)))
        {
            waiter.TrySetResult();
        }
        return waiter.Task;
    }

    /// <summary>Every line written so far (for a failure message).</summary>
    public string Text => string.Join("\n", _lines);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        foreach (var (fragments, waiter) in _waiters)
        {
            if (Matches(line, fragments))
            {
                waiter.TrySetResult();
            }
        }
    }

    private static bool Matches(string line, string[] fragments) => fragments.All(f => line.Contains(f, StringComparison.Ordinal));

    private sealed class Logger(LogWatch owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner.Add(formatter(state, exception) + " " + values + (exception is null ? "" : " exception: " + exception));
        }
    }
}
