using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Recording;

/// <summary>GET /api/calls/{callId}/recording: a short-lived read link to the call's recording (never a key).</summary>
public sealed class RecordingApiFunction(ApiAccessGuard guard, CallStore store, RecordingLinkIssuer links)
{
    [Function("GetCallRecording")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/recording")] HttpRequest request, string callId, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        var record = await store.GetAsync(callId, ct).ConfigureAwait(false);
        if (record is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status404NotFound, "no call with that id");
        }
        if (record.Recording is not { Location: { Length: > 0 } location } recording)
        {
            return HttpResponseResult.Text(StatusCodes.Status404NotFound, "the call has no recording");
        }
        if (await links.IssueAsync(location, ct).ConfigureAwait(false) is not { } link)
        {
            return HttpResponseResult.Text(StatusCodes.Status409Conflict, "the recording is not in the configured recording container; no link can be issued");
        }
        return HttpResponseResult.JsonBody(StatusCodes.Status200OK, new RecordingLinkResponse(callId, recording.EgressId, recording.Status, link.Link, link.ExpiresAt,
            recording.Duration is { } d ? (long)d.TotalMilliseconds : null, recording.SizeBytes));
    }
}
