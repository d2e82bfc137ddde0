using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// POST /api/calls places one outbound call (202 with its id; 200 with the same id when the idempotency key names a
/// call placed before; 400 naming each bad field). GET /api/calls/{callId}/dial tells how dialling went.
/// </summary>
public sealed class OutboundCallsApiFunctions(ApiAccessGuard guard, IOptions<OutboundOptions> options, TimeProvider time)
{
    public const int MaxBodyBytes = 64 * 1024;

    [Function("PlaceCall")]
    public async Task<IActionResult> Place([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "calls")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return HttpResponseResult.Text(StatusCodes.Status413PayloadTooLarge, $"the body is over {MaxBodyBytes} bytes");
        }
        PlaceCallRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<PlaceCallRequest>(request.Body, CallsApiJson.Options, ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, $"the body is not a call request: invalid JSON at {e.Path ?? "$"}");
        }
        if (body is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, "the body is empty; send {\"to\":\"+15550001111\"}");
        }
        var headerKey = request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } h ? h : null;
        var errors = PlaceCallValidator.Validate(body, headerKey, options.Value.CallerIds);
        if (errors.Count > 0)
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, string.Join('\n', errors));
        }
        var key = body.IdempotencyKey ?? headerKey;
        var callId = key is null ? OutboundCallIds.New() : OutboundCallIds.ForKey(key);
        var instanceId = OutboundCallIds.DialInstanceId(callId);
        if (key is not null && await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct).ConfigureAwait(false) is not null)
        {
            return HttpResponseResult.JsonBody(StatusCodes.Status200OK, new PlaceCallResponse(callId, Created: false));
        }
        var start = new OutboundCallStart(callId, body.To!, body.From, body.RingTimeoutSeconds ?? options.Value.DefaultRingTimeoutSeconds,
            body.Variables ?? [], time.GetUtcNow());
        // Two requests with one key at the same moment: the second is refused by the provider, never a second dial.
        var created = await StartOnce.TryStartAsync(client, nameof(OutboundCallOrchestrator), start, instanceId, ct).ConfigureAwait(false);
        return HttpResponseResult.JsonBody(created ? StatusCodes.Status202Accepted : StatusCodes.Status200OK, new PlaceCallResponse(callId, Created: created));
    }

    [Function("GetCallDial")]
    public async Task<IActionResult> Dial([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calls/{callId}/dial")] HttpRequest request,
        string callId, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        var instance = await client.GetInstanceAsync(OutboundCallIds.DialInstanceId(callId), getInputsAndOutputs: true, ct).ConfigureAwait(false);
        if (instance is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status404NotFound, "no outbound call with that id");
        }
        var result = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<DialResult>() : null;
        return HttpResponseResult.JsonBody(StatusCodes.Status200OK,
            new DialStatusResponse(callId, result is null ? OutboundCallOrchestrator.Dialing : OutboundCallOrchestrator.Completed, result));
    }
}
