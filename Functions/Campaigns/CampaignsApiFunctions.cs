using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// The campaigns API (same access as /api/calls): POST /api/campaigns starts one (202 with its id; 400 naming each bad
/// row and field, and then nothing is stored or started; with an Idempotency-Key header, a repeat of the same request
/// answers 200 with the same campaign and the key with another request 409), GET /api/campaigns lists them a page at a
/// time, GET /api/campaigns/{id} shows its progress and a page of its numbers, POST /api/campaigns/{id}/pause|resume|cancel passes the request to it (202; 409 once it has ended).
/// </summary>
public sealed class CampaignsApiFunctions(ApiAccessGuard guard, CampaignStore store, IOptions<CampaignOptions> options,
    IOptions<OutboundOptions> outbound, TimeProvider time)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>A listed campaign costs one orchestration lookup: a page of the list holds at most this many.</summary>
    public const int MaxListPageSize = 100;

    /// <summary>The ?pageSize= asked for (default: <see cref="DefaultPageSize"/> or <paramref name="max"/>, the smaller), or null when it is not 1 to <paramref name="max"/>.</summary>
    private static int? PageSize(HttpRequest request, int max) =>
        request.Query["pageSize"].ToString() is not { Length: > 0 } size ? Math.Min(DefaultPageSize, max)
        : int.TryParse(size, out var n) && n >= 1 && n <= max ? n
        : null;

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
        var key = request.Headers[CampaignKeys.HeaderName].ToString() is { Length: > 0 } k ? k : null;
        if (key is not null && !PlaceCallValidator.IsValidKey(key))
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, $"{CampaignKeys.HeaderName}: {PlaceCallValidator.KeyRule}");
        }
        if (key is null)
        {
            return await CreateAsync(CampaignIds.New(), plan, client, ct).ConfigureAwait(false);
        }
        var campaignId = CampaignKeys.CampaignIdFor(key);
        var held = await store.ClaimKeyAsync(campaignId, CampaignKeys.Fingerprint(body), ct).ConfigureAwait(false);
        if (held is not null && held != CampaignKeys.Fingerprint(body))
        {
            return HttpResponseResult.Text(StatusCodes.Status409Conflict,
                $"the {CampaignKeys.HeaderName} was used for a different campaign request ({campaignId}); use a new key for a new campaign");
        }
        if (held is not null && await client.GetInstanceAsync(campaignId, getInputsAndOutputs: false, ct).ConfigureAwait(false) is not null)
        {
            return HttpResponseResult.JsonBody(StatusCodes.Status200OK, new StartCampaignResponse(campaignId, plan.Entries.Count));
        }
        // Claimed now, or claimed by a request that stopped before it started the campaign: storing and starting again is the same campaign.
        return await CreateAsync(campaignId, plan, client, ct).ConfigureAwait(false);
    }

    private async Task<IActionResult> CreateAsync(string campaignId, CampaignPlan plan, DurableTaskClient client, CancellationToken ct)
    {
        await store.CreateAsync(campaignId, plan, time.GetUtcNow(), ct).ConfigureAwait(false);
        var state = new CampaignRunState { CampaignId = campaignId, Settings = plan.Settings, Total = plan.Entries.Count };
        try
        {
            if (!await StartOnce.TryStartAsync(client, nameof(CampaignOrchestrator), state, campaignId, ct).ConfigureAwait(false))
            {
                // A repeated request with the same key started it a moment ago (never replaced: it may be running).
                return HttpResponseResult.JsonBody(StatusCodes.Status200OK, new StartCampaignResponse(campaignId, plan.Entries.Count));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A repeated request with the same key may have started it a moment ago.
            if (await client.GetInstanceAsync(campaignId, getInputsAndOutputs: false, ct).ConfigureAwait(false) is null)
            {
                throw;
            }
            return HttpResponseResult.JsonBody(StatusCodes.Status200OK, new StartCampaignResponse(campaignId, plan.Entries.Count));
        }
        return HttpResponseResult.JsonBody(StatusCodes.Status202Accepted, new StartCampaignResponse(campaignId, plan.Entries.Count));
    }

    [Function("ListCampaigns")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "campaigns")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        if (PageSize(request, MaxListPageSize) is not { } pageSize)
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, $"pageSize: from 1 to {MaxListPageSize}");
        }
        var token = request.Query["pageToken"].ToString() is { Length: > 0 } t ? t : null;
        var (campaigns, next) = await store.ListAsync(pageSize, token, ct).ConfigureAwait(false);
        var summaries = await Task.WhenAll(campaigns.Select(async meta =>
        {
            var snapshot = await CampaignSnapshots.ReadAsync(client, meta, ct).ConfigureAwait(false);
            return new CampaignSummary(meta.CampaignId, meta.Name, snapshot.Status, meta.CreatedAt, snapshot.Progress);
        })).ConfigureAwait(false);
        return HttpResponseResult.JsonBody(StatusCodes.Status200OK, new CampaignListResponse(summaries, next));
    }

    [Function("GetCampaign")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "campaigns/{campaignId}")] HttpRequest request,
        string campaignId, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        if (guard.Check(request) is { } refused)
        {
            return refused;
        }
        if (PageSize(request, MaxPageSize) is not { } pageSize)
        {
            return HttpResponseResult.Text(StatusCodes.Status400BadRequest, $"pageSize: from 1 to {MaxPageSize}");
        }
        if (!CampaignIds.IsValid(campaignId) || await store.GetAsync(campaignId, ct).ConfigureAwait(false) is not { } meta)
        {
            return HttpResponseResult.Text(StatusCodes.Status404NotFound, "no campaign with that id");
        }
        var snapshot = await CampaignSnapshots.ReadAsync(client, meta, ct).ConfigureAwait(false);
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
