namespace VoiceFunctions.Shared.Calls.AgentEvents;

/// <summary>What the MediaHost reports about a call (JSON "type", lower case).</summary>
public enum AgentEventType
{
    /// <summary>The agent's audio is flowing: the caller has been answered.</summary>
    Answered,
    /// <summary>A turn finished (carries <see cref="AgentEventMessage.Turn"/>).</summary>
    Turn,
    /// <summary>The agent transferred the caller (carries <see cref="AgentEventMessage.TransferTo"/>).</summary>
    Transfer,
    /// <summary>Something failed in the media path or a provider (carries <see cref="AgentEventMessage.Error"/>).</summary>
    Error,
    /// <summary>The end-of-call summary (carries <see cref="AgentEventMessage.Summary"/>).</summary>
    Summary,
    /// <summary>The agent ended the call.</summary>
    Hangup,
    /// <summary>Direct mode: the MediaHost's recording of the call, uploaded or failed (carries <see cref="AgentEventMessage.Recording"/>).</summary>
    Recording,
    /// <summary>The call's audio quality per direction, every 30 s and at the end (carries <see cref="AgentEventMessage.Quality"/>).</summary>
    Quality,
}
