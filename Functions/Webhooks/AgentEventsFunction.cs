using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// POST /api/calls/{callId}/events: the MediaHost's signed reports about a call. Anonymous at the
/// HTTP level: the JWT over the body, signed with the agent-events key, is the authentication.
/// </summary>
public sealed class AgentEventsFunction(AgentEventsHandler handler)
{
    [Function("AgentEvents")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls/{callId}/events")] HttpRequest request,
        string callId,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        await handler.HandleAsync(request, callId, client, ct).ConfigureAwait(false);
}
