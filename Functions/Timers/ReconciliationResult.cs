namespace VoiceFunctions.Functions.Timers;

/// <summary>What one reconciliation run did.</summary>
public sealed record ReconciliationResult(int OpenCallsSeen, int Checked, int ClosedDirectly, int RaisedIntoOrchestration);
