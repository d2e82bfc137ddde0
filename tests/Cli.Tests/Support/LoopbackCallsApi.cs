using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Cli.Tests.Support;

/// <summary>
/// A loopback stand-in for the control plane's call-history API (GET /api/calls, GET /api/calls/{id}),
/// in the API's JSON shape (camelCase, enums as names), behind an x-functions-key check. Tests add and
/// change calls while voicectl reads them.
/// </summary>
public sealed class LoopbackCallsApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<JsonObject> _calls = [];
    private int _listRequests;

    private LoopbackCallsApi(WebApplication app, Uri url, string key)
    {
        _app = app;
        Url = url;
        Key = key;
    }

    public Uri Url { get; }

    public string ApiUrl => new Uri(Url, "/api").ToString();

    public string Key { get; }

    /// <summary>How many times the call list was read (a tail polls it).</summary>
    public int ListRequests => Volatile.Read(ref _listRequests);

    /// <summary>Waits until the list has been read <paramref name="count"/> more times than <paramref name="after"/>.</summary>
    public async Task WaitForListRequestsAsync(int after, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (ListRequests < after + count)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    public void AddCall(string id, string caller, string outcome, DateTimeOffset started, int? answerMs = null)
    {
        lock (_calls)
        {
            _calls.Add(new JsonObject
            {
                ["callId"] = id,
                ["roomName"] = "call-" + id,
                ["startedAt"] = started.ToString("O"),
                ["endedAt"] = null,
                ["outcome"] = outcome,
                ["endReason"] = "Unknown",
                ["callerNumber"] = caller,
                ["agentAnswerLatencyMs"] = answerMs,
            });
        }
    }

    public void SetOutcome(string id, string outcome, DateTimeOffset ended)
    {
        lock (_calls)
        {
            var call = _calls.Single(c => (string)c["callId"]! == id);
            call["outcome"] = outcome;
            call["endedAt"] = ended.ToString("O");
        }
    }

    public static async Task<LoopbackCallsApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var key = Guid.NewGuid().ToString("N");
        LoopbackCallsApi? api = null;
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers["x-functions-key"] != key)
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsync("the API key is not valid");
                return;
            }
            await next(context);
        });
        app.MapGet("/api/calls", () =>
        {
            Interlocked.Increment(ref api!._listRequests);
            lock (api._calls)
            {
                var calls = new JsonArray(api._calls.AsEnumerable().Reverse().Select(c => (JsonNode)c.DeepClone()).ToArray());
                return Results.Text(new JsonObject { ["day"] = "2026-11-25", ["calls"] = calls, ["continuation"] = null }.ToJsonString(), "application/json");
            }
        });
        app.MapGet("/api/calls/{id}", (string id) =>
        {
            lock (api!._calls)
            {
                var call = api._calls.FirstOrDefault(c => (string)c["callId"]! == id);
                if (call is null)
                {
                    return Results.Text("no call with that id", statusCode: 404);
                }
                var details = new JsonObject
                {
                    ["record"] = call.DeepClone(),
                    ["agentAnswerLatencyMs"] = 850,
                    ["durationSeconds"] = 42.5,
                    ["turns"] = new JsonArray(
                        new JsonObject { ["sequence"] = 1, ["callerText"] = "Здравствуйте, хочу записаться", ["agentText"] = "Добрый день! На какой день?", ["responseLatencyMs"] = 910, ["interrupted"] = false },
                        new JsonObject { ["sequence"] = 2, ["callerText"] = "На пятницу", ["agentText"] = "Записал", ["responseLatencyMs"] = 780, ["interrupted"] = true }),
                };
                return Results.Text(details.ToJsonString(), "application/json");
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api = new LoopbackCallsApi(app, new Uri(address), key);
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
