using System.Globalization;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.Shared.Calls.Timeline;

/// <summary>
/// The timeline entries of each source, with their stable ids: a LiveKit webhook by its event id, an
/// orchestration step by its name and attempt, a MediaHost event by its event id, a SIP message by its leg and
/// number. The same fact always gets the same id, so writing it again stores nothing new.
/// </summary>
public static class TimelineEntries
{
    public static CallTimelineEntry Webhook(string eventId, string eventName, DateTimeOffset receivedAt, string? detail = null) => new()
    {
        EntryId = "wh-" + eventId,
        At = receivedAt,
        Source = TimelineSource.Webhook,
        Name = eventName,
        Detail = detail is null ? "id " + eventId : $"id {eventId}; {detail}",
    };

    /// <param name="step">The step's stable name within the call, with its attempt where it repeats ("dispatch-2").</param>
    public static CallTimelineEntry Step(string step, string name, DateTimeOffset at, string? detail = null) => new()
    {
        EntryId = "orch-" + step,
        At = at,
        Source = TimelineSource.Orchestration,
        Name = name,
        Detail = detail,
    };

    /// <summary>A MediaHost event other than a turn (turns come from the stored turns, with their latencies).</summary>
    public static CallTimelineEntry? Agent(AgentEventMessage message)
    {
        var detail = message.Type switch
        {
            AgentEventType.Answered => "the MediaHost answered the call" + (message.AgentProfile is { } profile ? $" (agent profile '{profile}')" : "")
                + (message.AnsweredBy is { } by ? $", answered by a {by}" : "") + (message.MediaHostId is { } host ? $", on MediaHost {host}" : ""),
            AgentEventType.Transfer => "the agent transferred the caller",
            AgentEventType.Error => message.Error,
            AgentEventType.Summary => "end-of-call summary stored",
            AgentEventType.Hangup => "ended by: " + (message.EndReason ?? CallEndReason.AgentHangUp),
            AgentEventType.Recording => RecordingDetail(message.Recording),
            AgentEventType.Quality => message.Quality?.Describe(),
            _ => null,
        };
        return detail is null ? null : new CallTimelineEntry
        {
            EntryId = "ae-" + message.Id,
            At = message.OccurredAt,
            Source = TimelineSource.Agent,
            Name = message.Type.ToString().ToLowerInvariant(),
            Detail = detail,
        };
    }

    private static string? RecordingDetail(CallRecording? r) => r switch
    {
        null => null,
        { Error: { Length: > 0 } error } => $"recording {r.Status}: {error}",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"recording {r.Status}: {r.Location}, {r.Duration?.TotalSeconds:0.0} s, {r.SizeBytes} bytes"),
    };

    public static CallTimelineEntry Sip(SipMessageSummary message) => new()
    {
        EntryId = $"sip-{message.Leg}-{message.Sequence.ToString("D3", CultureInfo.InvariantCulture)}",
        At = message.At,
        Source = TimelineSource.Sip,
        Name = message.Describe(),
        Detail = "leg " + message.Leg,
        SipStatus = message.Status,
    };
}
