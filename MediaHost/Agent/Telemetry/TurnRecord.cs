namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// One conversational turn, as reported to the control plane. Latencies are null when the stage did not run.
/// <see cref="AgentText"/> holds only what the caller actually heard (cut at a barge-in).
/// </summary>
public sealed record TurnRecord
{
    public required string CallId { get; init; }
    public required int TurnIndex { get; init; }
    /// <summary>What started the turn: "greeting", "speech", "dtmf", "reprompt", "hangup", "resume".</summary>
    public required string Trigger { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public string UserText { get; init; } = "";
    public string AgentText { get; init; } = "";
    public bool Interrupted { get; init; }
    public bool FalseInterruption { get; init; }
    public IReadOnlyList<string> ToolCalls { get; init; } = [];
    /// <summary>Which provider served each stage of this turn, and which failed before it and why (failover chains only;
    /// the entries the chains wrote since the previous turn's record).</summary>
    public IReadOnlyList<Providers.Failover.ProviderUse> Providers { get; init; } = [];
    /// <summary>The provider failure of this turn (type and message, no secrets), if any.</summary>
    public string? Error { get; init; }
    /// <summary>Prompt tokens of this turn's LLM requests, as the provider reported them (null when none reported).</summary>
    public long? InputTokens { get; init; }
    /// <summary>Completion tokens of this turn's LLM requests (null when none reported).</summary>
    public long? OutputTokens { get; init; }
    /// <summary>End of the caller's speech → STT final.</summary>
    public TimeSpan? SttLatency { get; init; }
    /// <summary>LLM request → first token (or tool call).</summary>
    public TimeSpan? LlmTimeToFirstToken { get; init; }
    /// <summary>Preemptive generation: "used" when the answer the LLM began on the caller's words before the endpoint was
    /// spoken, "changed" when the final words differed and it was discarded unheard; null when none was begun.</summary>
    public string? Preemptive { get; init; }
    /// <summary>With a used preemptive answer: LLM time it saved (its head start before the endpoint's request, at most
    /// its time to first token). <see cref="LlmTimeToFirstToken"/> is then only the wait left after the endpoint.</summary>
    public TimeSpan? LlmTimeSavedByPreemption { get; init; }
    /// <summary>First sentence to TTS → its first frame.</summary>
    public TimeSpan? TtsTimeToFirstAudio { get; init; }
    /// <summary>End of the caller's speech → first agent frame handed to the call.</summary>
    public TimeSpan? VoiceToVoice { get; init; }
    /// <summary>Endpointing decision → first agent frame handed to the call (the loop's own overhead plus provider time).</summary>
    public TimeSpan? EndpointToFirstFrame { get; init; }
}
