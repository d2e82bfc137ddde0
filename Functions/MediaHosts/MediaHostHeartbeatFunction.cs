using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace VoiceFunctions.Functions.MediaHosts;

/// <summary>
/// POST /api/mediahosts/{hostId}/heartbeat: a MediaHost's signed "alive, with these calls", every few seconds.
/// Anonymous at the HTTP level: the JWT over the body, signed with the agent-events key, is the authentication.
/// </summary>
public sealed class MediaHostHeartbeatFunction(MediaHostHeartbeatHandler handler)
{
    [Function("MediaHostHeartbeat")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "mediahosts/{hostId}/heartbeat")] HttpRequest request,
        string hostId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        await handler.HandleAsync(request, hostId, client, ct).ConfigureAwait(false);
}
