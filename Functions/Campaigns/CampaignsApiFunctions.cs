using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// The campaigns API (same access as /api/calls): POST /api/campaigns starts one (202 with its id; 400 naming each bad
/// row and field, and then nothing is stored or started), GET /api/campaigns/{id} shows its progress and a page of its
/// numbers, POST /api/campaigns/{id}/pause|resume|cancel passes the request to it (202; 409 once it has ended).
/// </summary>
public sealed class CampaignsApiFunctions(ApiAccessGuard guard, CampaignStore store, IOptions<CampaignOptions> options,
    IOptions<OutboundOptions> outbound, TimeProvider time)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    [Function("StartCampaign")]
    public async Task<IActionResult> Start([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "campaigns")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        var o = options.Value;
        if (request.ContentLength > o.MaxBodyBytes)
        {
            return HttpResponseResult.Text(StatusCodes.Status413PayloadTooLarge, $"the body is over {o.MaxBodyBytes} bytes");
        }
        var (body, names, errors) = await CampaignRequestReader.ReadAsync(request, o.MaxBodyBytes, o.MaxNumbers, ct).ConfigureAwait(false);
        if (body is null || errors.Count > 0)
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, string.Join('\n', errors));
        }
        var (plan, problems) = new CampaignValidator(o, outbound.Value.CallerIds, outbound.Value.DefaultRingTimeoutSeconds).Validate(body, names);
        if (plan is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, string.Join('\n', problems));
        }
        var campaignId = CampaignIds.New();
        await store.CreateAsync(campaignId, plan, time.GetUtcNow(), ct).ConfigureAwait(false);
        var state = new CampaignRunState { CampaignId = campaignId, Settings = plan.Settings, Total = plan.Entries.Count };
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(CampaignOrchestrator), state, new StartOrchestrationOptions(InstanceId: campaignId), ct).ConfigureAwait(false);
        return HttpResponseResult.JsonBody(StatusCodes.Status202Accepted, new StartCampaignResponse(campaignId, plan.Entries.Count));
    }

    [Function("GetCampaign")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "campaigns/{campaignId}")] HttpRequest request,
        string campaignId, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        var pageSize = DefaultPageSize;
        if (request.Query["pageSize"].ToString() is { Length: > 0 } size && (!int.TryParse(size, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, $"pageSize: from 1 to {MaxPageSize}");
        }
        if (!CampaignIds.IsValid(campaignId) || await store.GetAsync(campaignId, ct).ConfigureAwait(false) is not { } meta)
        {
            return HttpResponseResult.Text(StatusCodes.Status404NotFound, "no campaign with that id");
        }
        // An ended campaign's last word is its output; a running one's its custom status.
        var instance = await client.GetInstanceAsync(campaignId, getInputsAndOutputs: true, ct).ConfigureAwait(false);
        var snapshot = instance?.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<CampaignSnapshot>()
            : instance?.SerializedCustomStatus is { Length: > 0 } status ? JsonSerializer.Deserialize<CampaignSnapshot>(status, CallsApiJson.Options)
            : null;
        snapshot ??= new CampaignSnapshot(CampaignStatus.Running, new CampaignProgress { Total = meta.Total, Pending = meta.Total });
        var token = request.Query["pageToken"].ToString() is { Length: > 0 } t ? t : null;
        var (numbers, next) = await store.ListNumbersAsync(campaignId, pageSize, token, ct).ConfigureAwait(false);
        return HttpResponseResult.JsonBody(StatusCodes.Status200OK,
            new CampaignResponse(campaignId, meta.Name, snapshot.Status, meta.CreatedAt, snapshot.Progress, numbers, next));
    }

    [Function("PauseCampaign")]
    public Task<IActionResult> Pause([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "campaigns/{campaignId}/pause")] HttpRequest request,
        string campaignId, [DurableClient] DurableTaskClient client, CancellationToken ct) => ControlAsync(request, campaignId, CampaignControl.Pause, client, ct);

    [Function("ResumeCampaign")]
    public Task<IActionResult> Resume([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "campaigns/{campaignId}/resume")] HttpRequest request,
        string campaignId, [DurableClient] DurableTaskClient client, CancellationToken ct) => ControlAsync(request, campaignId, CampaignControl.Resume, client, ct);

    [Function("CancelCampaign")]
    public Task<IActionResult> Cancel([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "campaigns/{campaignId}/cancel")] HttpRequest request,
        string campaignId, [DurableClient] DurableTaskClient client, CancellationToken ct) => ControlAsync(request, campaignId, CampaignControl.Cancel, client, ct);

    private async Task<IActionResult> ControlAsync(HttpRequest request, string campaignId, string action, DurableTaskClient client, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        var instance = CampaignIds.IsValid(campaignId) ? await client.GetInstanceAsync(campaignId, getInputsAndOutputs: false, ct).ConfigureAwait(false) : null;
        if (instance is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status404NotFound, "no campaign with that id");
        }
        if (instance.IsCompleted)
        {
            return HttpResponseResult.Text(StatusCodes.Status409Conflict, $"the campaign has ended ({instance.RuntimeStatus}); there is nothing to {action}");
        }
        await client.RaiseEventAsync(campaignId, CampaignOrchestrator.ControlEvent, action, ct).ConfigureAwait(false);
        return HttpResponseResult.JsonBody(StatusCodes.Status202Accepted, new CampaignActionResponse(campaignId, action));
    }
}
