using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Calls.Timeline;

namespace VoiceFunctions.Functions.Timeline;

/// <summary>
/// Writes the control plane's facts into a call's timeline (see <see cref="TimelineEntries"/> for the stable ids).
/// Webhooks and MediaHost events are written as part of handling them: a failed write fails the request, and the
/// sender's retry writes the entry once. Orchestration steps are written by their activities on a best-effort
/// basis: a call must never fail because its timeline could not be written.
/// </summary>
public sealed class CallTimelineRecorder(CallStore store, TimeProvider time, ILogger<CallTimelineRecorder> logger)
{
    public Task WebhookAsync(string callId, string eventId, string eventName, string? detail, CancellationToken ct) =>
        store.AppendTimelineAsync(callId, TimelineEntries.Webhook(eventId, eventName, time.GetUtcNow(), detail), ct);

    /// <summary>The MediaHost's event (unless it is a turn: turns join the timeline from the stored turns) and its SIP summary.</summary>
    public async Task AgentEventAsync(AgentEventMessage message, CancellationToken ct)
    {
        if (TimelineEntries.Agent(message) is { } entry)
        {
            await store.AppendTimelineAsync(message.CallId, entry, ct).ConfigureAwait(false);
        }
        if (message.Sip is { Count: > 0 } sip)
        {
            await store.AppendTimelineAsync(message.CallId, sip.Select(TimelineEntries.Sip).ToList(), ct).ConfigureAwait(false);
        }
    }

    /// <summary>An orchestration step happening now (or at <paramref name="at"/>); never throws for a storage problem.</summary>
    public async Task StepAsync(string callId, string step, string name, string? detail, CancellationToken ct, DateTimeOffset? at = null)
    {
        var entry = TimelineEntries.Step(step, name, at ?? time.GetUtcNow(), detail);
        try
        {
            await store.AppendTimelineAsync(callId, entry, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            TimelineLog.NotStored(logger, entry.EntryId, callId, e.GetType().Name + ": " + FirstLine(e.Message));
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];
}
