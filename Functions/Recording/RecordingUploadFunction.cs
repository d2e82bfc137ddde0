using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace VoiceFunctions.Functions.Recording;

/// <summary>
/// POST /api/calls/{callId}/recording/upload: the MediaHost's signed request for a write-only link to the call's
/// recording blob (direct mode). Anonymous at the HTTP level: the JWT over the body, with the agent-events key, is the authentication.
/// </summary>
public sealed class RecordingUploadFunction(RecordingUploadHandler handler)
{
    [Function("RecordingUploadLink")]
    public async Task<IActionResult> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/recording/upload")] HttpRequest request, string callId, CancellationToken ct) =>
        await handler.HandleAsync(request, callId, ct).ConfigureAwait(false);
}
