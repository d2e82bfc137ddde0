using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Functions.Recording;

/// <summary>
/// Direct mode: gives the MediaHost a write-only link for a call's recording. The request is signed like the MediaHost's
/// call events (401 otherwise); it must name a known call (404) whose recording is not already stored (409), and
/// recording must be enabled here (409). The link may create and write that one blob until it expires; it cannot read,
/// list or delete anything.
/// </summary>
public sealed class RecordingUploadHandler(AgentEventVerifier verifier, CallStore store, RecordingLinkIssuer links, IOptions<CallRecordingOptions> options)
{
    public async Task<HttpResponseResult> HandleAsync(HttpRequest request, string callId, CancellationToken ct)
    {
        var body = await WebhookBodyReader.ReadAsync(request.Body, request.ContentLength, verifier.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status413PayloadTooLarge, $"the body is over the limit of {verifier.MaxBodyBytes} bytes");
        }
        if (verifier.Verify(body, request.Headers.Authorization.ToString()) is { } refusal)
        {
            return HttpResponseResult.Text(refusal.Status, refusal.Reason);
        }
        if (Parse(body, callId, out var problem) is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, problem!);
        }
        if (!options.Value.Enabled)
        {
            return HttpResponseResult.Text(StatusCodes.Status409Conflict, "recording is not enabled in the control plane (Recording:Enabled)");
        }
        var record = await store.GetAsync(callId, ct).ConfigureAwait(false);
        if (record is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status404NotFound, "no call with that id is known");
        }
        if (record.Recording is { Ended: true, Status: "Complete", Location.Length: > 0 })
        {
            return HttpResponseResult.Text(StatusCodes.Status409Conflict, "the call's recording is already stored");
        }
        var (link, location, expiresAt) = await links.IssueUploadAsync(callId, ct).ConfigureAwait(false);
        return HttpResponseResult.JsonBody(StatusCodes.Status200OK, new RecordingUploadGrant(link, location, expiresAt));
    }

    /// <summary>The request, or null with the problem in one sentence.</summary>
    public static RecordingUploadRequest? Parse(byte[] body, string routeCallId, out string? problem)
    {
        RecordingUploadRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<RecordingUploadRequest>(body, AgentEventParser.Json);
        }
        catch (JsonException e)
        {
            problem = "the body is not a recording upload request: " + e.Message.Split('\n')[0];
            return null;
        }
        problem = request switch
        {
            null => "the body is JSON null",
            _ when request.CallId != routeCallId => "the request's callId does not match the call in the URL",
            { ContentType: not "audio/wav" } => "contentType must be audio/wav",
            { SizeBytes: <= 0 } => "sizeBytes must be positive",
            _ => null,
        };
        return problem is null ? request : null;
    }
}
