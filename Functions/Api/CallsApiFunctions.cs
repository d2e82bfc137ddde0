using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.Timeline;

namespace VoiceFunctions.Functions.Api;

/// <summary>
/// GET /api/calls?day=yyyy-MM-dd&amp;pageSize=50&amp;continuation=… (a day's calls, newest first, paged;
/// default today UTC), GET /api/calls/{callId} (the record with its turns and timeline) and
/// GET /api/calls/{callId}/timeline (only the timeline: everything that happened across both planes, in order).
/// </summary>
public sealed class CallsApiFunctions(ApiAccessGuard guard, CallStore store, TimeProvider time)
{
    public const int DefaultPageSize = 50;

    [Function("ListCalls")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls")] HttpRequest request, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        var dayText = request.Query["day"].ToString();
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (dayText.Length > 0 && !DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, "day must be a date like 2026-11-25");
        }
        var pageSize = DefaultPageSize;
        var sizeText = request.Query["pageSize"].ToString();
        if (sizeText.Length > 0 && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 1000))
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, "pageSize must be a whole number from 1 to 1000");
        }
        try
        {
            var page = await store.ListDayAsync(day, pageSize, NullIfEmpty(request.Query["continuation"].ToString()), ct).ConfigureAwait(false);
            return HttpResponseResult.JsonBody(StatusCodes.Status200OK,
                new CallListResponse(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), page.Calls, page.ContinuationToken));
        }
        catch (ArgumentException e)
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, e.Message);
        }
    }

    [Function("GetCall")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}")] HttpRequest request, string callId, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        var details = await store.GetDetailsAsync(callId, ct).ConfigureAwait(false);
        return details is null
            ? HttpResponseResult.Text(StatusCodes.Status404NotFound, "no call with that id")
            : HttpResponseResult.JsonBody(StatusCodes.Status200OK, CallDetailsResponse.From(details));
    }

    [Function("GetCallTimeline")]
    public async Task<IActionResult> Timeline([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/timeline")] HttpRequest request, string callId, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        // The timeline may start before the record does (a webhook arrives before the call is recorded).
        var entries = await store.GetTimelineAsync(callId, ct).ConfigureAwait(false);
        return entries.Count == 0
            ? HttpResponseResult.Text(StatusCodes.Status404NotFound, "no call with that id")
            : HttpResponseResult.JsonBody(StatusCodes.Status200OK, new CallTimelineResponse(callId, entries));
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
