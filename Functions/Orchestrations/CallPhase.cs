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
    /// <summary>LiveKit mode: the caller's SIP participant is being transferred at the agent's request (the room is kept).</summary>
    Transferring,
}
