namespace VoiceFunctions.Shared.Calls.Timeline;

/// <summary>
/// One thing that happened in a call, on either plane. <see cref="EntryId"/> is derived from what happened
/// (the webhook's event id, the step and attempt, the SIP leg and message number), never from a clock or a
/// GUID, so a retried write stores the same entry once.
/// </summary>
public sealed record CallTimelineEntry
{
    public required string EntryId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required TimelineSource Source { get; init; }
    /// <summary>What happened, short: "participant_joined", "dispatch", "INVITE received", "200 sent (BYE)", "turn 2".</summary>
    public required string Name { get; init; }
    /// <summary>More about it (an attempt, an outcome, a reason); never a secret, a token or a SIP header value.</summary>
    public string? Detail { get; init; }
    /// <summary>On a SIP response: its status code.</summary>
    public int? SipStatus { get; init; }
    /// <summary>On a turn entry: the turn with its latencies.</summary>
    public CallTurn? Turn { get; init; }

    /// <summary>The longest detail kept; a longer one is cut (the timeline is a summary, not a log).</summary>
    public const int MaxDetailLength = 500;
}
