namespace VoiceFunctions.Cli.Simulation;

/// <summary>What one step of a simulated call did to it.</summary>
public enum StepVerdict
{
    /// <summary>The call passes this step.</summary>
    Pass,

    /// <summary>The call ends here.</summary>
    Reject,

    /// <summary>Information on the way (a trunk that does not apply, an assumption made).</summary>
    Note,

    /// <summary>Not evaluated (no input for it, or an earlier step rejected the call).</summary>
    Skip,
}
