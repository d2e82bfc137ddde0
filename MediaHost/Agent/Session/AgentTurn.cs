using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// One turn of the agent: its own cancellation (cancelled by barge-in, or when the call ends), what it said,
/// and its timings. Created by the session's control loop; mutated by the turn's task, the playback writer and
/// (for <see cref="Interrupt"/>) the input loop.
/// </summary>
public sealed class AgentTurn(int index, string trigger, CancellationTokenSource cancellation, DateTimeOffset startedAt) : IDisposable
{
    private int _interrupted;

    public int Index { get; } = index;
    public string Trigger { get; } = trigger;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public CancellationTokenSource Cancellation { get; } = cancellation;
    public CancellationToken Token => Cancellation.Token;
    public SpokenTranscript Spoken { get; } = new();
    public Task Completion { get; set; } = Task.CompletedTask;

    public bool Interrupted => Volatile.Read(ref _interrupted) == 1;
    public bool FalseInterruption { get; set; }
    public bool EndsCall { get; set; }
    public string UserText { get; set; } = "";
    public List<string> ToolCalls { get; } = [];
    public ProviderException? Failure { get; set; }
    /// <summary>Sentences already recorded in the history by a tool round (not to be recorded twice).</summary>
    public int SentencesRecorded { get; set; }
    /// <summary>True when the LLM produced no sentence before the barge-in: a resume asks it again.</summary>
    public bool CanRegenerate { get; set; }

    // Timestamps on the session's TimeProvider (GetTimestamp ticks); 0 = not reached.
    public long EndOfSpeechTimestamp { get; set; }
    public long EndpointTimestamp { get; set; }
    public long FirstFrameTimestamp { get; set; }
    /// <summary>The first frame handed to the call that the caller can hear (above the voiced level; TTS audio often
    /// begins with silence, so this is what the caller's ear measures, not <see cref="FirstFrameTimestamp"/>).</summary>
    public long FirstVoicedFrameTimestamp { get; set; }
    /// <summary>When the recogniser's final transcript was in.</summary>
    public long TranscriptTimestamp { get; set; }
    public TimeSpan? SttLatency { get; set; }
    public TimeSpan? LlmTimeToFirstToken { get; set; }
    public TimeSpan? TtsTimeToFirstAudio { get; set; }
    /// <summary>Set when the turn spoke an answer the LLM began before the endpoint: the LLM time that saved.</summary>
    public TimeSpan? LlmTimeSavedByPreemption { get; set; }
    /// <summary>What became of the answer begun before this turn's endpoint ("used", "changed"); null when there was none.</summary>
    public string? Preemptive { get; set; }

    /// <summary>Token usage summed over the turn's LLM requests (a tool round makes several).</summary>
    public TokenUsage? Usage { get; private set; }

    public void AddUsage(TokenUsage usage) => Usage = Usage is { } sum
        ? new TokenUsage(Add(sum.InputTokens, usage.InputTokens), Add(sum.OutputTokens, usage.OutputTokens))
        : usage;

    private static long? Add(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);

    /// <summary>Marks the barge-in; true only for the first call.</summary>
    public bool Interrupt() => Interlocked.Exchange(ref _interrupted, 1) == 0;

    public void Dispose() => Cancellation.Dispose();
}
