using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// Handles one LiveKit webhook delivery: read the raw body (bounded), verify the signature and body
/// hash (401/400/413), map it to a call, drop a repeat of an event already acted on (insert-if-absent
/// by event id, so a captured request replayed while its token is still valid acts once), then start
/// or raise into the call's orchestration. The webhook joins the call's timeline first (keyed by its event id),
/// so a delivery retried after a failure records it once. Nothing slow happens inline: the claim, the timeline entry
/// and the instance lookup at once, then the start or raise. A failed delivery gives its claim back and answers 503,
/// so LiveKit retries.
/// </summary>
public sealed class LiveKitWebhookHandler(
    WebhookReceiver receiver,
    EventDedupeStore dedupe,
    WebhookCallMapper mapper,
    CallEventDispatcher dispatcher,
    CallTimelineRecorder timeline,
    ControlPlaneMetrics metrics,
    TimeProvider time,
    ILogger<LiveKitWebhookHandler> logger)
{
    public const string DedupeSource = "livekit";

    public async Task<HttpResponseResult> HandleAsync(HttpRequest request, DurableTaskClient client, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var (response, eventName, result) = await HandleCoreAsync(request, client, ct).ConfigureAwait(false);
        metrics.WebhookHandled(eventName, result, time.GetElapsedTime(started));
        return response;
    }

    private async Task<(HttpResponseResult Response, string? Event, string Result)> HandleCoreAsync(HttpRequest request, DurableTaskClient client, CancellationToken ct)
    {
        var body = await WebhookBodyReader.ReadAsync(request.Body, request.ContentLength, receiver.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            return (Refuse(StatusCodes.Status413PayloadTooLarge, $"the body is over the limit of {receiver.MaxBodyBytes} bytes"), null, MetricTags.WebhookResults.TooLarge);
        }
        var received = receiver.Receive(body, request.Headers.Authorization.ToString());
        if (!received.IsValid)
        {
            return (Refuse(received.HttpStatus, received.Message), null, RefusalResult(received.HttpStatus));
        }

        var e = received.Event;
        var route = mapper.Map(e, time.GetUtcNow());
        if (route is null)
        {
            return (Answer("ignored", e.Id), e.Event, MetricTags.WebhookResults.Ignored);
        }
        // LiveKit always sends an id; a body without one is still deduplicated, by its content.
        var eventId = string.IsNullOrEmpty(e.Id) ? "sha256:" + BodyHash.Compute(body) : e.Id;
        // The claim, the timeline entry and the instance lookup are independent round trips: they run together, so a
        // webhook waits for two storage round trips in a row (these, then the start or raise), not four. The timeline
        // entry is keyed by the event id, so writing it for a duplicate changes nothing.
        var recorded = timeline.WebhookAsync(route.CallId, eventId, e.Event, route.Event?.Kind.ToString(), ct);
        var found = dispatcher.FindAsync(route.CallId, client, ct);
        bool claimed;
        try
        {
            claimed = await dedupe.TryClaimAsync(DedupeSource, eventId, ct).ConfigureAwait(false);
        }
        finally
        {
            await ObserveAsync(recorded, found).ConfigureAwait(false);
        }
        if (!claimed)
        {
            WebhookLog.Duplicate(logger, eventId);
            return (Answer("duplicate", eventId), e.Event, MetricTags.WebhookResults.Duplicate);
        }
        try
        {
            await recorded.ConfigureAwait(false);
            var delivery = await dispatcher.DeliverAsync(route, await found.ConfigureAwait(false), client, ct).ConfigureAwait(false);
            WebhookLog.Delivered(logger, eventId, e.Event, route.CallId, delivery);
            return (Answer(delivery.ToString(), eventId, route.CallId), e.Event, MetricTags.WebhookResults.Accepted);
        }
        catch (OperationCanceledException)
        {
            // LiveKit gave up on the request (its timeout) and sends the webhook again: the retry must not find it claimed.
            await dedupe.ReleaseAsync(DedupeSource, eventId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            WebhookLog.DeliveryFailed(logger, ex, eventId, route.CallId);
            await dedupe.ReleaseAsync(DedupeSource, eventId, CancellationToken.None).ConfigureAwait(false);
            return (HttpResponseResult.Text(StatusCodes.Status503ServiceUnavailable, "the event could not be delivered to the call; retry"), e.Event, MetricTags.WebhookResults.Failed);
        }
    }

    /// <summary>Waits for <paramref name="tasks"/> without throwing: their failures are acted on where they are awaited.</summary>
    private static async Task ObserveAsync(params Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Observed here; the caller awaits the task again where its failure matters.
        }
    }

    private static string RefusalResult(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => MetricTags.WebhookResults.Unauthorized,
        StatusCodes.Status413PayloadTooLarge => MetricTags.WebhookResults.TooLarge,
        _ => MetricTags.WebhookResults.BadRequest,
    };

    private HttpResponseResult Refuse(int status, string reason)
    {
        WebhookLog.Refused(logger, status, reason);
        return HttpResponseResult.Text(status, reason);
    }

    private static HttpResponseResult Answer(string status, string? eventId, string? callId = null) =>
        HttpResponseResult.JsonBody(StatusCodes.Status200OK, new WebhookAnswer(status, eventId, callId));
}
