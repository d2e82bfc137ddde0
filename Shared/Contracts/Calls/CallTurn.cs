namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// One exchange of a call: what the caller said, what the agent answered, and how long it took.
/// The MediaHost numbers turns from 1; the number is the turn's identity, so a report sent twice is
/// stored once.
/// </summary>
public sealed record CallTurn
{
    public required string CallId { get; init; }
    public required int Sequence { get; init; }
    public string? CallerText { get; init; }
    public string? AgentText { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    /// <summary>End of the caller's speech to the agent's first audio, in milliseconds.</summary>
    public int? ResponseLatencyMs { get; init; }
    public int? SttMs { get; init; }
    public int? LlmFirstTokenMs { get; init; }
    public int? TtsFirstAudioMs { get; init; }
    /// <summary>The caller spoke over the agent and cut this answer short (barge-in).</summary>
    public bool Interrupted { get; init; }
}
