using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// One event raised into a call's orchestration under <see cref="EventName"/>. A single event name
/// keeps arrival order and lets the orchestrator ignore events that no longer matter (duplicates,
/// late or out-of-order deliveries) instead of leaving them buffered under names nobody waits for.
/// </summary>
public sealed record CallEvent(CallEventKind Kind, DateTimeOffset OccurredAt)
{
    public const string EventName = "CallEvent";

    /// <summary>Where the event came from: a LiveKit event id (EV_…) or the MediaHost's event id.</summary>
    public string? SourceEventId { get; init; }
    public string? ParticipantIdentity { get; init; }
    public CallerInfo? Caller { get; init; }
    public string? Detail { get; init; }
    /// <summary>The recording's state, on <see cref="CallEventKind.RecordingUpdated"/>.</summary>
    public CallRecording? Recording { get; init; }
}
