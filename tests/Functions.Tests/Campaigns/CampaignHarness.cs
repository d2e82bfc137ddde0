using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.Campaigns;
using VoiceFunctions.Functions.Tests.Outbound;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Functions.Tests.Campaigns;

/// <summary>
/// The campaigns API and orchestrations on the control plane's real composition (<see cref="OutboundHarness"/>: the
/// in-process Durable host, Azurite, LiveKit played by the loopback LiveKit API double). The callees are scripted per
/// number: busy for their first N attempts, then answered; an answered call's record is finalized at once, as its own
/// call orchestration would when the callee hangs up (or left open, for a test that runs the call's orchestration).
/// </summary>
public sealed class CampaignHarness : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _dials = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string To, DateTimeOffset At)> _dialLog = new();

    private CampaignHarness(OutboundHarness outbound, string table) => (Outbound, TableName) = (outbound, table);

    public OutboundHarness Outbound { get; }
    public CampaignsApiFunctions Api { get; private set; } = null!;

    /// <summary>How many first attempts of a number end busy (486); absent numbers answer at once.</summary>
    public ConcurrentDictionary<string, int> BusyFirst { get; } = new(StringComparer.Ordinal);

    /// <summary>Numbers that are rejected (404) on every attempt.</summary>
    public ConcurrentDictionary<string, bool> Rejected { get; } = new(StringComparer.Ordinal);

    /// <summary>Numbers answered by a machine: the record says answeredBy "machine", as the MediaHost's detection reports it.</summary>
    public ConcurrentDictionary<string, bool> Machines { get; } = new(StringComparer.Ordinal);

    /// <summary>Numbers whose answered call stays in progress (its record open) until the test ends it.</summary>
    public ConcurrentDictionary<string, bool> StaysOpen { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<(string To, DateTimeOffset At)> Dials => [.. _dialLog];

    public int DialsTo(string number) => _dials.GetValueOrDefault(number);

    public string TableName { get; }

    /// <summary>Every row of the campaigns table (for "nothing was stored").</summary>
    public async Task<int> StoredRowsAsync()
    {
        var table = new Azure.Data.Tables.TableClient(Azurite.ConnectionString, TableName);
        await table.CreateIfNotExistsAsync();
        var rows = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey"]))
        {
            rows++;
        }
        return rows;
    }

    public static async Task<CampaignHarness> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var table = "cmp" + Guid.NewGuid().ToString("N")[..12];
        var harness = new CampaignHarness(await OutboundHarness.StartAsync(s =>
        {
            s["Campaigns:TableName"] = table;
            configure?.Invoke(s);
        }), table);
        harness.Api = ActivatorUtilities.CreateInstance<CampaignsApiFunctions>(harness.Outbound.Rig.Services);
        harness.Outbound.Rig.LiveKit.OnCreateSipParticipant = harness.DialAsync;
        return harness;
    }

    private async Task DialAsync(LoopbackSipDial dial, CancellationToken ct)
    {
        var to = dial.Request.SipCallTo;
        var attempt = _dials.AddOrUpdate(to, 1, (_, n) => n + 1);
        _dialLog.Enqueue((to, DateTimeOffset.UtcNow));
        if (Rejected.ContainsKey(to))
        {
            throw LoopbackTwirpException.SipCallFailed(TwirpErrorCode.NotFound, 404, "Not Found");
        }
        if (attempt <= BusyFirst.GetValueOrDefault(to))
        {
            throw LoopbackTwirpException.SipCallFailed(TwirpErrorCode.Unavailable, 486, "Busy Here");
        }
        var callId = CallIds.FromRoomName(dial.Request.RoomName);
        var now = DateTimeOffset.UtcNow;
        if (StaysOpen.ContainsKey(to))
        {
            await Outbound.Store.CreateAsync(new CallRecord { CallId = callId, RoomName = dial.Request.RoomName, CalledNumber = to, StartedAt = now, AnsweredAt = now }, ct);
            return;
        }
        await Outbound.Store.CreateAsync(new CallRecord
        {
            CallId = callId, RoomName = dial.Request.RoomName, CalledNumber = to, StartedAt = now, AnsweredAt = now, EndedAt = now,
            Outcome = CallOutcome.Completed, EndReason = CallEndReason.CallerHangUp, AnsweredBy = Machines.ContainsKey(to) ? "machine" : null,
        }, ct);
    }

    public HttpRequest Request(string method, string path, byte[]? body = null, string contentType = "application/json", string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body ?? []);
        context.Request.ContentLength = body?.Length ?? 0;
        context.Request.Headers["x-functions-key"] = Outbound.Rig.ApiKeySecret;
        return context.Request;
    }

    public async Task<(int Status, string Text)> StartAsync(StartCampaignRequest request) =>
        await StartRawAsync(JsonSerializer.SerializeToUtf8Bytes(request, CallsApiJson.Options), "application/json");

    public async Task<(int Status, string Text)> StartRawAsync(byte[] body, string contentType, string query = "", string? idempotencyKey = null)
    {
        var request = Request("POST", "/api/campaigns", body, contentType, query);
        if (idempotencyKey is not null)
        {
            request.Headers[CampaignKeys.HeaderName] = idempotencyKey;
        }
        var result = (HttpResponseResult)await Api.Start(request, Outbound.Client, CancellationToken.None).DefaultTimeout();
        return (result.Status, result.BodyText);
    }

    public async Task<(int Status, string Text)> StartAsync(StartCampaignRequest request, string idempotencyKey) =>
        await StartRawAsync(JsonSerializer.SerializeToUtf8Bytes(request, CallsApiJson.Options), "application/json", idempotencyKey: idempotencyKey);

    public async Task<(int Status, string Text)> ListRawAsync(string query = "")
    {
        var result = (HttpResponseResult)await Api.List(Request("GET", "/api/campaigns", query: query), Outbound.Client, CancellationToken.None).DefaultTimeout();
        return (result.Status, result.BodyText);
    }

    public async Task<string> StartOkAsync(StartCampaignRequest request)
    {
        var (status, text) = await StartAsync(request);
        Assert.True(status == 202, $"POST /api/campaigns answered {status}: {text}");
        return JsonSerializer.Deserialize<StartCampaignResponse>(text, CallsApiJson.Options)!.CampaignId;
    }

    public async Task<(int Status, string Text)> GetRawAsync(string campaignId, string query = "")
    {
        var result = (HttpResponseResult)await Api.Get(Request("GET", "/api/campaigns/" + campaignId, query: query), campaignId, Outbound.Client, CancellationToken.None).DefaultTimeout();
        return (result.Status, result.BodyText);
    }

    public async Task<CampaignResponse> GetAsync(string campaignId, string query = "")
    {
        var (status, text) = await GetRawAsync(campaignId, query);
        Assert.True(status == 200, $"GET answered {status}: {text}");
        return JsonSerializer.Deserialize<CampaignResponse>(text, CallsApiJson.Options)!;
    }

    public async Task<int> ControlAsync(string campaignId, string action)
    {
        var request = Request("POST", $"/api/campaigns/{campaignId}/{action}");
        var result = action switch
        {
            CampaignControl.Pause => await Api.Pause(request, campaignId, Outbound.Client, CancellationToken.None),
            CampaignControl.Resume => await Api.Resume(request, campaignId, Outbound.Client, CancellationToken.None),
            _ => await Api.Cancel(request, campaignId, Outbound.Client, CancellationToken.None),
        };
        return ((HttpResponseResult)result).Status;
    }

    /// <summary>Waits for the campaign's orchestration to end and returns GET with every number on one page.</summary>
    public async Task<CampaignResponse> WaitForEndAsync(string campaignId, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        Microsoft.DurableTask.Client.OrchestrationMetadata instance;
        try
        {
            instance = await Outbound.Client.WaitForInstanceCompletionAsync(campaignId, cts.Token);
        }
        catch (OperationCanceledException)
        {
            var (_, text) = await GetRawAsync(campaignId);
            var meta = await Outbound.Client.GetInstanceAsync(campaignId, getInputsAndOutputs: true);
            throw new TimeoutException($"the campaign did not end in time; {Dials.Count} dials; {meta?.RuntimeStatus}; input {meta?.SerializedInput?[..Math.Min(2000, meta.SerializedInput.Length)]}\nGET: {text[..Math.Min(1500, text.Length)]}");
        }
        Assert.True(instance.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed,
            $"the campaign's orchestration ended {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorType} {instance.FailureDetails?.ErrorMessage} {instance.FailureDetails?.StackTrace}");
        return await GetAsync(campaignId, "?pageSize=1000");
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public async ValueTask DisposeAsync()
    {
        await Outbound.DisposeAsync();
        await new Azure.Data.Tables.TableClient(Azurite.ConnectionString, TableName).DeleteAsync();
    }
}
