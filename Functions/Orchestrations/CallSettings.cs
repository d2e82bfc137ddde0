namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// The call policy an orchestration runs with. It travels in the orchestration's input (taken from
/// configuration by whoever starts the call), so the orchestrator itself reads no configuration and
/// a replay sees exactly the settings the call started with.
/// </summary>
public sealed record CallSettings
{
    /// <summary>How long to wait for the agent to answer after each dispatch. Default 10 s.</summary>
    public TimeSpan AgentAnswerTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How many times the agent is dispatched before the fallback. Default 2.</summary>
    public int MaxDispatchAttempts { get; init; } = 2;
    /// <summary>Transient failures of one dispatch request are retried this often by Durable. Default 3.</summary>
    public int DispatchActivityAttempts { get; init; } = 3;
    /// <summary>First delay between those retries (doubles each time). Default 1 s.</summary>
    public TimeSpan DispatchRetryInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>The longest a call may last before it is ended. Default 30 min.</summary>
    public TimeSpan MaxCallDuration { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>How long a call started by room_started waits for its SIP caller. Default 30 s.</summary>
    public TimeSpan CallerJoinTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Where the caller goes when the agent never answers (sip:, sips: or tel: URI); null = end the call.</summary>
    public string? HumanTransferTo { get; init; }
    /// <summary>
    /// Direct mode: a call from which the MediaHost reports nothing for this long is presumed lost (the MediaHost
    /// died) and finalized as failed. The agent re-prompts a silent caller, so a live call reports well within it.
    /// Default 60 s.
    /// </summary>
    public TimeSpan DirectSilenceTimeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>
    /// LiveKit mode: start a recording (an egress to Blob Storage) when the agent answers and stop it at the end;
    /// the Recording section says for which numbers and where. Default false.
    /// </summary>
    public bool RecordCalls { get; init; }
    /// <summary>
    /// Run the post-call report step after the record is finalized. False when no report URL is configured: the step
    /// would do nothing, and on the Azure Storage provider an activity that does nothing still costs about eight
    /// storage requests. Default true (an input without it, from an older start, keeps the step).
    /// </summary>
    public bool DeliverPostCallReport { get; init; } = true;
}
