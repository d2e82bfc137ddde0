using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// The agent's logger in the RTP barge-in bench: notes when (on the peer's clock, <paramref name="now"/>) the agent
/// decided each barge-in (AgentLog event 6001) and how many queued frames that dropped, so the time from the caller's
/// first slot to silence on the wire splits into "until the decision" and "from the decision to the wire". Everything
/// else is discarded.
/// </summary>
internal sealed class BargeInDecisionLog(Func<double> now) : ILogger
{
    private const int BargeInEventId = 6001;
    private readonly object _gate = new();
    private readonly List<(double AtMs, int Dropped)> _decisions = [];

    public IReadOnlyList<(double AtMs, int Dropped)> Decisions
    {
        get
        {
            lock (_gate)
            {
                return [.. _decisions];
            }
        }
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id != BargeInEventId)
        {
            return;
        }
        var at = now();
        var dropped = state is IReadOnlyList<KeyValuePair<string, object?>> fields && fields.FirstOrDefault(f => f.Key == "Dropped").Value is int d ? d : -1;
        lock (_gate)
        {
            _decisions.Add((at, dropped));
        }
    }
}
