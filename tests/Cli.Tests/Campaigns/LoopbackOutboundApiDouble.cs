using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Shared.Campaigns;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Cli.Tests.Campaigns;

/// <summary>
/// A double of the control plane's outbound API on loopback (POST /api/campaigns, GET /api/campaigns/{id},
/// POST /api/campaigns/{id}/{action}, POST /api/calls, GET /api/calls/{id}/dial) behind the x-functions-key check,
/// answering with the functions' own response types and JSON options. It records each request for the test.
/// </summary>
public sealed class LoopbackOutboundApiDouble : IAsyncDisposable
{
    public const string CampaignId = "cmp-0123456789abcdef";

    private LoopbackKeyedApi _server = null!;

    private LoopbackOutboundApiDouble()
    {
    }

    public Uri Url => _server.Url;
    public string ApiUrl => _server.ApiUrl;
    public string Key => _server.Key;

    /// <summary>Each request: method, path and query, content type, body.</summary>
    public ConcurrentQueue<(string Method, string PathAndQuery, string? ContentType, string Body)> Requests { get; } = new();

    /// <summary>When set, POST /api/campaigns answers 400 with this text (the API's list of problems).</summary>
    public string? Refusal { get; set; }

    /// <summary>The campaign GET answers for <see cref="CampaignId"/>.</summary>
    public CampaignResponse Campaign { get; set; } = new(CampaignId, "reminders", CampaignStatus.Running, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
        new CampaignProgress { Total = 2, Pending = 0, InProgress = 1, Done = 1, Outcomes = new() { ["Answered"] = 1 }, Attempts = 2 },
        [
            new CampaignNumberResult(0, "+15550001000", CampaignNumberState.Done, DialOutcome.Answered, 1, "call-out-cmp-0123456789abcdef-0-1", new DateTimeOffset(2026, 12, 1, 9, 0, 1, TimeSpan.Zero), null),
            new CampaignNumberResult(1, "+15550001001", CampaignNumberState.InProgress, DialOutcome.Busy, 2, "call-out-cmp-0123456789abcdef-1-2", new DateTimeOffset(2026, 12, 1, 9, 5, 1, TimeSpan.Zero), null),
        ], null);

    /// <summary>How dialling of a placed call ended (GET /api/calls/{id}/dial answers it after one "dialing" answer).</summary>
    public DialResult Dial { get; set; } = new(DialOutcome.Answered, 200, "200 OK");

    private int _dialPolls;

    public static async Task<LoopbackOutboundApiDouble> StartAsync()
    {
        var api = new LoopbackOutboundApiDouble();
        api._server = await LoopbackKeyedApi.StartAsync(api.MapRoutes, api.RecordAsync);
        return api;
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        Requests.Enqueue((context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentType, await reader.ReadToEndAsync()));
    }

    private void MapRoutes(WebApplication app)
    {
        var api = this;
        app.MapPost("/api/campaigns", () => api.Refusal is { } refusal
            ? Results.Text(refusal, "text/plain; charset=utf-8", statusCode: 400)
            : Json(new StartCampaignResponse(CampaignId, 2), 202));
        app.MapGet("/api/campaigns/{id}", (string id) => id == CampaignId ? Json(api.Campaign, 200) : Results.Text("no campaign with that id", statusCode: 404));
        app.MapPost("/api/campaigns/{id}/{action}", (string id, string action) => api.Campaign.Status is CampaignStatus.Completed or CampaignStatus.Cancelled
            ? Results.Text($"the campaign has ended (Completed); there is nothing to {action}", statusCode: 409)
            : Json(new CampaignActionResponse(id, action), 202));
        app.MapPost("/api/calls", () => Json(new PlaceCallResponse("call-out-0123456789abcdef0123", true), 202));
        app.MapGet("/api/calls/{id}/dial", (string id) => Interlocked.Increment(ref api._dialPolls) == 1
            ? Json(new DialStatusResponse(id, "dialing", null), 200)
            : Json(new DialStatusResponse(id, "completed", api.Dial), 200));
    }

    private static IResult Json<T>(T value, int status) => LoopbackKeyedApi.Json(value, status);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
