namespace VoiceFunctions.MediaHost.Agent;

/// <summary>What the control loop of an <see cref="AgentSession"/> reacts to, one at a time, in order.</summary>
internal abstract record AgentEvent
{
    /// <summary>The caller finished a turn. <paramref name="Audio"/> is the utterance (with 200 ms pre-roll).</summary>
    public sealed record UtteranceEnded(short[] Audio, long EndpointTimestamp, TimeSpan TrailingSilence, bool BargedIn) : AgentEvent;

    public sealed record DtmfPressed(char Digit) : AgentEvent;

    /// <summary>The caller has been silent while the agent was idle: re-prompt, or say goodbye and hang up.</summary>
    public sealed record CallerSilent(bool HangUp) : AgentEvent;

    public sealed record TurnFinished(AgentTurn Turn) : AgentEvent;

    public sealed record CallEnded : AgentEvent;
}
