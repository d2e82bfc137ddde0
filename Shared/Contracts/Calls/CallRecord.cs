using VoiceFunctions.Shared.Calls.Quality;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// One call in the history. Created when the control plane learns of the call, updated when the
/// agent answers and when the call ends. Phone numbers are kept here (this is the history) but never
/// logged.
/// </summary>
public sealed record CallRecord
{
    /// <summary>The call's id: derived from the LiveKit room name, also the orchestration instance id.</summary>
    public required string CallId { get; init; }
    public required string RoomName { get; init; }
    public string? CallerNumber { get; init; }
    public string? CalledNumber { get; init; }
    /// <summary>Who placed the call: inbound (the caller dialled us) unless the control plane placed it (see <see cref="OutboundCallIds.DirectionOf"/>).</summary>
    public CallDirection Direction { get; init; } = CallDirection.Inbound;
    /// <summary>The LiveKit inbound trunk that took the call (sip.trunkID).</summary>
    public string? TrunkId { get; init; }
    /// <summary>When the caller reached the room (webhook time): the start of the ringing the caller hears.</summary>
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>When the agent's audio was in the room (the caller is answered then).</summary>
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public CallOutcome Outcome { get; init; } = CallOutcome.InProgress;
    public CallEndReason EndReason { get; init; } = CallEndReason.Unknown;
    /// <summary>Free text explaining the outcome (e.g. "agent did not answer after 3 attempts").</summary>
    public string? ReasonText { get; init; }
    /// <summary>How many times the agent was dispatched.</summary>
    public int DispatchAttempts { get; init; }
    public int TurnCount { get; init; }
    public LatencySummary Latency { get; init; } = LatencySummary.Empty;
    /// <summary>The MediaHost's end-of-call summary; long text lives in a blob (see <see cref="CallStore"/>).</summary>
    public string? Summary { get; init; }
    /// <summary>Errors reported during the call, oldest first (at most <see cref="MaxErrors"/> kept).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
    /// <summary>The call's recording (LiveKit egress), if the room was recorded.</summary>
    public CallRecording? Recording { get; init; }
    /// <summary>The agent profile that answered (voice.yaml agents: "default" or a profile id), as the MediaHost reported it.</summary>
    public string? AgentProfile { get; init; }
    /// <summary>A call we placed with answering-machine detection: "human" or "machine" (null: no detection).</summary>
    public string? AnsweredBy { get; init; }
    /// <summary>The MediaHost that served the call (its host id), as its answered event or heartbeat named it; null when unknown.</summary>
    public string? MediaHostId { get; init; }
    /// <summary>Where the caller was transferred, on a transferred call (a SIP or tel URI: it may hold a phone number).</summary>
    public string? TransferTo { get; init; }
    /// <summary>The call's audio quality per direction: the MediaHost's newest report (the end-of-call one once sent).</summary>
    public CallMediaQuality? Quality { get; init; }

    public const int MaxErrors = 20;

    /// <summary>Time from the caller joining to the agent answering: the ringing the caller heard.</summary>
    public TimeSpan? AgentAnswerLatency => AnsweredAt - StartedAt;

    public TimeSpan? Duration => EndedAt - StartedAt;

    public bool IsOpen => Outcome == CallOutcome.InProgress;

    /// <summary>
    /// The record with <paramref name="report"/> as its quality, unless the stored one is newer or final (reports may
    /// arrive out of order: a periodic report retried after the final one must not replace it). Null: nothing to change.
    /// </summary>
    public CallRecord? WithQuality(CallMediaQuality report) =>
        Quality is { } stored && (stored.Final && !report.Final || stored.MeasuredAt >= report.MeasuredAt && stored.Final == report.Final)
            ? null
            : this with { Quality = report };

    public CallRecord WithError(string error) =>
        this with { Errors = [.. Errors.Append(error).TakeLast(MaxErrors)] };
}
