namespace VoiceFunctions.Shared.Calls;

/// <summary>How a call went, seen from the caller. <see cref="CallEndReason"/> says why it ended.</summary>
public enum CallOutcome
{
    /// <summary>The call has not ended yet.</summary>
    InProgress = 0,
    /// <summary>The agent answered and the call ended normally.</summary>
    Completed,
    /// <summary>The caller was transferred to a human (by the agent, or as the fallback).</summary>
    Transferred,
    /// <summary>The agent never answered and no human transfer was configured: the call was ended.</summary>
    AgentUnavailable,
    /// <summary>The caller left before the agent answered.</summary>
    Abandoned,
    /// <summary>A failure ended the call.</summary>
    Failed,
}
