using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Shared.Outbound;

/// <summary>
/// The body of the post-call webhook sent to the customer's URL once a call is finalized (signed with
/// <see cref="BodySignature"/>). It carries what the call record holds: no secrets, no tokens, no internal URLs.
/// </summary>
public sealed record PostCallReport
{
    public const string EventName = "call.completed";

    /// <summary>Always <see cref="EventName"/>.</summary>
    public string Event { get; init; } = EventName;

    /// <summary>Unique per report: the receiver's de-duplication key (a retried delivery repeats it).</summary>
    public required string DeliveryId { get; init; }

    public required string CallId { get; init; }
    public required CallDirection Direction { get; init; }
    public required CallOutcome Outcome { get; init; }
    public required CallEndReason EndReason { get; init; }
    public string? ReasonText { get; init; }
    public string? CallerNumber { get; init; }
    public string? CalledNumber { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public double? DurationSeconds { get; init; }
    public string? Summary { get; init; }
    /// <summary>The recording's location (the egress file), when the call was recorded.</summary>
    public string? RecordingLocation { get; init; }
    public LatencySummary? Latency { get; init; }
    public IReadOnlyList<PostCallTurn> Transcript { get; init; } = [];
}
