namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>Where a call is: shown as the orchestration's custom status (the live call monitor).</summary>
public enum CallPhase
{
    WaitingForCaller,
    Recording,
    DispatchingAgent,
    WaitingForAgent,
    FallingBack,
    InCall,
    Ending,
    Finalizing,
    Completed,
}
