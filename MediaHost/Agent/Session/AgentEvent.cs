namespace VoiceFunctions.MediaHost.Agent;

/// <summary>What the turn runner reacts to, one at a time, in order.</summary>
internal abstract record AgentEvent
{
    /// <summary>The caller finished a turn. <paramref name="Recognition"/> heard it (with the pre-roll) and is not yet completed.</summary>
    public sealed record UtteranceEnded(UtteranceRecognition Recognition, long EndpointTimestamp, TimeSpan TrailingSilence, bool BargedIn) : AgentEvent;

    /// <summary>The caller paused mid-turn on <paramref name="Words"/> (the recognition so far): the LLM may start on them.</summary>
    public sealed record CallerPaused(string Words) : AgentEvent;

    /// <summary>The caller spoke again after a <see cref="CallerPaused"/>: the words were not the turn.</summary>
    public sealed record CallerResumed : AgentEvent;

    public sealed record DtmfPressed(char Digit) : AgentEvent;

    /// <summary>No key followed for the inter-digit timeout; <paramref name="Generation"/> is the pause it measured.</summary>
    public sealed record DtmfPause(int Generation) : AgentEvent;

    /// <summary>The caller has been silent while the agent was idle: re-prompt, or say goodbye and hang up.</summary>
    public sealed record CallerSilent(bool HangUp) : AgentEvent;

    /// <summary>The call reached AiLoop:MaxCallSeconds: say so and hang up, whatever the agent was doing.</summary>
    public sealed record TimeUp : AgentEvent;

    public sealed record CallEnded : AgentEvent;
}
