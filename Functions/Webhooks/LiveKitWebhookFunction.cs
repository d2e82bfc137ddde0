using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// POST /api/livekit/webhook: LiveKit's signed webhooks. Anonymous at the HTTP level because the
/// signature over the body is the authentication (LiveKit cannot send a function key header).
/// </summary>
public sealed class LiveKitWebhookFunction(LiveKitWebhookHandler handler)
{
    [Function("LiveKitWebhook")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "livekit/webhook")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        await handler.HandleAsync(request, client, ct).ConfigureAwait(false);
}
