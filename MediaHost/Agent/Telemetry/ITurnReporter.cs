namespace VoiceFunctions.MediaHost.Agent;

/// <summary>Receives every finished turn (the control plane's AgentEvents client implements it). Must not throw into the call.</summary>
public interface ITurnReporter
{
    ValueTask ReportAsync(TurnRecord turn, CancellationToken cancellationToken);
}

/// <summary>The default reporter: drops the records (metrics still flow through <see cref="AgentMetrics"/>).</summary>
public sealed class NullTurnReporter : ITurnReporter
{
    public static readonly NullTurnReporter Instance = new();

    public ValueTask ReportAsync(TurnRecord turn, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
