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
    /// <summary>Which provider served each stage, and which failed before it and why (the MediaHost's failover chains).</summary>
    public IReadOnlyList<CallTurnProvider> Providers { get; init; } = [];
    /// <summary>Prompt tokens of the turn's LLM requests, as the provider reported them (null: none reported).</summary>
    public long? InputTokens { get; init; }
    /// <summary>Completion tokens of the turn's LLM requests (null: none reported).</summary>
    public long? OutputTokens { get; init; }

    /// <summary>What is wrong with the turn's providers and token counts as a report from the MediaHost, or null.</summary>
    public string? Problem() => this switch
    {
        { Providers: null } => "a turn's providers, when given, must be a list",
        { Providers.Count: > CallTurnProvider.MaxPerTurn } => $"a turn carries at most {CallTurnProvider.MaxPerTurn} providers",
        _ when Providers.Any(p => p is null) => "a turn provider entry is null",
        _ when Providers.Select(p => p.Problem()).FirstOrDefault(p => p is not null) is { } problem => problem,
        { InputTokens: < 0 } => "a turn's inputTokens must not be negative",
        { OutputTokens: < 0 } => "a turn's outputTokens must not be negative",
        _ => null,
    };
}
