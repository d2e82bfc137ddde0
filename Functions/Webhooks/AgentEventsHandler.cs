using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// Handles one event the MediaHost posts about a call: verify its signature (401/413), parse and check
/// it (400), drop a replay (the event id is claimed once), store what belongs in the history (turns,
/// errors, the summary, the timeline entry and the SIP summary), then raise it into the call's orchestration.
/// </summary>
public sealed class AgentEventsHandler(
    AgentEventVerifier verifier,
    EventDedupeStore dedupe,
    CallStore store,
    CallEventDispatcher dispatcher,
    CallTimelineRecorder timeline,
    IOptions<AgentEventsOptions> options,
    ILogger<AgentEventsHandler> logger,
    Telemetry.ControlPlaneMetrics? metrics = null)
{
    public const string DedupeSource = "agent";

    public async Task<HttpResponseResult> HandleAsync(HttpRequest request, string callId, DurableTaskClient client, CancellationToken ct)
    {
        var body = await WebhookBodyReader.ReadAsync(request.Body, request.ContentLength, verifier.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"the body is over the limit of {verifier.MaxBodyBytes} bytes");
        }
        if (verifier.Verify(body, request.Headers.Authorization.ToString()) is { } refusal)
        {
            return Refuse(refusal.Status, refusal.Reason);
        }
        var message = AgentEventParser.TryParse(body, callId, out var problem);
        if (message is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, problem!);
        }
        var startsDirectCall = false;
        var record = await store.GetAsync(callId, ct).ConfigureAwait(false);
        if (record is null)
        {
            if (!options.Value.DirectMode || message.Type != AgentEventType.Answered)
            {
                return Refuse(StatusCodes.Status404NotFound, options.Value.DirectMode
                    ? "no call with that id is known (in direct mode a call starts with its answered event)"
                    : "no call with that id is known");
            }
            startsDirectCall = true;
        }
        if (!await dedupe.TryClaimAsync(DedupeSource, message.Id, ct).ConfigureAwait(false))
        {
            WebhookLog.Duplicate(logger, message.Id);
            return HttpResponseResult.JsonBody(StatusCodes.Status200OK, new WebhookAnswer("duplicate", message.Id, callId));
        }
        try
        {
            if (options.Value.DirectMode && message.Type == AgentEventType.Answered && record is not null && !Outbound.LateAnswerRule.Starts(record))
            {
                // Answered after the call was settled: on its timeline, but it neither starts the call nor changes its record.
                await timeline.AgentEventAsync(message, ct).ConfigureAwait(false);
                WebhookLog.AgentEventDelivered(logger, message.Id, message.Type.ToString(), callId, CallDelivery.CallAlreadyFinished);
                return HttpResponseResult.JsonBody(StatusCodes.Status200OK, new WebhookAnswer(nameof(CallDelivery.CallAlreadyFinished), message.Id, callId));
            }
            await StoreAsync(message, ct).ConfigureAwait(false);
            await timeline.AgentEventAsync(message, ct).ConfigureAwait(false);
            var delivery = startsDirectCall
                ? await StartDirectCallAsync(message, client, ct).ConfigureAwait(false)
                : ToEvent(message, options.Value.DirectMode) is { } callEvent
                    ? await dispatcher.DeliverAsync(RouteOf(message, callEvent), client, ct).ConfigureAwait(false)
                    : CallDelivery.Raised;
            WebhookLog.AgentEventDelivered(logger, message.Id, message.Type.ToString(), callId, delivery);
            return HttpResponseResult.JsonBody(StatusCodes.Status200OK, new WebhookAnswer(delivery.ToString(), message.Id, callId));
        }
        catch (OperationCanceledException)
        {
            // The MediaHost gave up on the request (its timeout) and sends the event again: the retry must not find it claimed.
            await dedupe.ReleaseAsync(DedupeSource, message.Id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            WebhookLog.DeliveryFailed(logger, ex, message.Id, callId);
            await dedupe.ReleaseAsync(DedupeSource, message.Id, CancellationToken.None).ConfigureAwait(false);
            return HttpResponseResult.Text(StatusCodes.Status503ServiceUnavailable, "the event could not be stored or delivered; retry");
        }
    }

    /// <summary>
    /// Where an event for a recorded call goes. In direct mode the answer may also start the call's orchestration: a
    /// first delivery that wrote the record and then failed (or was aborted) before the start is retried as this one.
    /// </summary>
    private CallRoute RouteOf(AgentEventMessage m, CallEvent callEvent) => options.Value.DirectMode && m.Type == AgentEventType.Answered
        ? new CallRoute(m.CallId, m.CallId, m.OccurredAt, StartIfMissing: true, CallerOf(m), callEvent, Direct: true)
        : new CallRoute(m.CallId, "", m.OccurredAt, false, null, callEvent);

    private static CallerInfo CallerOf(AgentEventMessage m) => new(m.Caller ?? "caller", m.Caller, m.Called, TrunkId: null);

    /// <summary>
    /// Direct mode: the record is written here, before the answer is acknowledged, so the MediaHost's next
    /// events (turns) find the call; the orchestration's own RecordCall then writes nothing new.
    /// </summary>
    private async Task<CallDelivery> StartDirectCallAsync(AgentEventMessage m, DurableTaskClient client, CancellationToken ct)
    {
        var caller = CallerOf(m);
        var direction = OutboundCallIds.DirectionOf(m.CallId);
        var created = await store.CreateAsync(new CallRecord
        {
            CallId = m.CallId,
            RoomName = m.CallId,
            Direction = direction,
            StartedAt = m.OccurredAt,
            CallerNumber = caller.CallerNumber,
            CalledNumber = caller.CalledNumber,
            AgentProfile = m.AgentProfile,
            MediaHostId = m.MediaHostId,
            AnsweredBy = m.AnsweredBy,
        }, ct).ConfigureAwait(false);
        if (created)
        {
            metrics?.CallStarted(direction); // the orchestration's own RecordCall finds this record and counts nothing
        }
        else
        {
            // A call we placed: the dial's answer wrote the record in the meantime; the answer's profile and verdict go into it.
            await StoreAsync(m, ct).ConfigureAwait(false);
        }
        return await dispatcher.DeliverAsync(new CallRoute(m.CallId, m.CallId, m.OccurredAt, true, caller, null, Direct: true), client, ct).ConfigureAwait(false);
    }

    private async Task StoreAsync(AgentEventMessage m, CancellationToken ct)
    {
        switch (m.Type)
        {
            case AgentEventType.Answered when m.AgentProfile is not null || m.AnsweredBy is not null || m.MediaHostId is not null:
                await store.UpdateAsync(m.CallId, r => (r.AgentProfile, r.AnsweredBy, r.MediaHostId) == (m.AgentProfile ?? r.AgentProfile, m.AnsweredBy ?? r.AnsweredBy, m.MediaHostId ?? r.MediaHostId) ? null
                    : r with { AgentProfile = m.AgentProfile ?? r.AgentProfile, AnsweredBy = m.AnsweredBy ?? r.AnsweredBy, MediaHostId = m.MediaHostId ?? r.MediaHostId }, ct).ConfigureAwait(false);
                break;
            case AgentEventType.Turn:
                await store.AppendTurnAsync(m.Turn!, ct).ConfigureAwait(false);
                break;
            case AgentEventType.Error:
                await store.UpdateAsync(m.CallId, r => r.WithError(m.Error!), ct).ConfigureAwait(false);
                break;
            case AgentEventType.Recording:
                // Direct mode: the MediaHost's upload, often after the orchestration finished (like a late egress_ended).
                await store.UpdateAsync(m.CallId, r => r with { Recording = CallRecording.Fold(r.Recording, m.Recording!) }, ct).ConfigureAwait(false);
                break;
            case AgentEventType.Summary:
                await store.UpdateAsync(m.CallId, r => r.Summary == m.Summary ? null : r with { Summary = m.Summary }, ct).ConfigureAwait(false);
                break;
            case AgentEventType.Quality:
                await store.UpdateAsync(m.CallId, r => r.WithQuality(m.Quality!), ct).ConfigureAwait(false);
                break;
        }
    }

    private static CallEvent? ToEvent(AgentEventMessage m, bool directMode)
    {
        CallEventKind? kind = m.Type switch
        {
            AgentEventType.Answered => CallEventKind.AgentAnswered,
            AgentEventType.Turn => CallEventKind.Turn,
            // LiveKit mode: the MediaHost asks; the orchestration transfers the caller's participant (direct mode never sends it).
            AgentEventType.Transfer => CallEventKind.TransferRequested,
            AgentEventType.Error => CallEventKind.AgentError,
            AgentEventType.Hangup when m.EndReason == CallEndReason.CallerHangUp => CallEventKind.CallerLeft,
            // The MediaHost ends its leg this way once a REFER was accepted: the caller went on to a human.
            AgentEventType.Hangup when m.EndReason == CallEndReason.Transferred => CallEventKind.Transferred,
            AgentEventType.Hangup => CallEventKind.AgentLeft,
            // Direct mode: the periodic quality report is the sign of life of a call with no turns (the silence timeout).
            AgentEventType.Quality when directMode => CallEventKind.MediaHostAlive,
            _ => null,
        };
        return kind is { } k ? new CallEvent(k, m.OccurredAt) { SourceEventId = m.Id, Detail = m.TransferTo ?? m.Error } : null;
    }

    private HttpResponseResult Refuse(int status, string reason)
    {
        WebhookLog.Refused(logger, status, reason);
        return HttpResponseResult.Text(status, reason);
    }
}
