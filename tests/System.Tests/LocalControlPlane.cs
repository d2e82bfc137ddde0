using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// The local control-plane host in this process (Kestrel on a free loopback port, the in-process Durable backend,
/// Azurite with tables of its own), in direct mode: the MediaHost's answered event starts a call.
/// </summary>
internal sealed class LocalControlPlane : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalControlPlane(WebApplication app, string eventsSecret, string apiKey)
    {
        _app = app;
        EventsSecret = eventsSecret;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Http.DefaultRequestHeaders.Add("x-functions-key", apiKey);
    }

    public string EventsSecret { get; }
    public Uri BaseUrl => Http.BaseAddress!;
    public HttpClient Http { get; }

    public static async Task<LocalControlPlane> StartAsync(IDictionary<string, string?>? extra = null)
    {
        Azurite.RequireRunning();
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var eventsSecret = NewSecret();
        var apiKey = NewSecret();
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["CallStore:TableName"] = "calls" + suffix,
            ["CallStore:BlobContainerName"] = "t-" + suffix,
            ["Webhooks:DedupeTableName"] = "dedupe" + suffix,
            ["Health:SnapshotTableName"] = "health" + suffix,
            ["TokenRefresh:TableName"] = "tokens" + suffix,
            ["LiveKit:Url"] = "http://127.0.0.1:9",
            ["LiveKit:ApiKey"] = "direct-mode",
            ["LiveKit:ApiSecret"] = NewSecret(),
            ["AgentDispatch:OutboundTrunkId"] = "ST_unused-in-direct-mode",
            ["AgentEvents:Secret"] = eventsSecret,
            ["AgentEvents:DirectMode"] = "true",
            ["Api:Keys:test"] = apiKey,
            ["LocalHost:RunTimers"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(settings));
        await app.StartAsync().DefaultTimeout();
        return new LocalControlPlane(app, eventsSecret, apiKey);
    }

    /// <summary>Waits until today's newest call is no longer in progress, and returns GET /api/calls/{id}.</summary>
    public async Task<JsonElement> WaitForFinalizedCallAsync(TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        JsonElement last = default;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var list = await Http.GetFromJsonAsync<JsonElement>($"/api/calls?day={DateTimeOffset.UtcNow:yyyy-MM-dd}&pageSize=1");
            if (list.GetProperty("calls") is { ValueKind: JsonValueKind.Array } calls && calls.GetArrayLength() > 0)
            {
                var id = calls[0].GetProperty("callId").GetString();
                last = await Http.GetFromJsonAsync<JsonElement>($"/api/calls/{Uri.EscapeDataString(id!)}");
                if (last.GetProperty("record").GetProperty("outcome").GetString() != "InProgress")
                {
                    return last;
                }
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("no finalized call within " + timeout + "; last seen: " + (last.ValueKind == JsonValueKind.Undefined ? "none" : last.ToString()));
    }

    /// <summary>Today's newest call when it has at least <paramref name="turns"/> turns stored, else null.</summary>
    public async Task<JsonElement?> CallWithTurnsAsync(int turns)
    {
        var list = await Http.GetFromJsonAsync<JsonElement>($"/api/calls?day={DateTimeOffset.UtcNow:yyyy-MM-dd}&pageSize=1");
        if (list.GetProperty("calls") is not { ValueKind: JsonValueKind.Array } calls || calls.GetArrayLength() == 0)
        {
            return null;
        }
        var call = await Http.GetFromJsonAsync<JsonElement>($"/api/calls/{Uri.EscapeDataString(calls[0].GetProperty("callId").GetString()!)}");
        return call.GetProperty("turns").GetArrayLength() >= turns ? call : null;
    }

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync().DefaultTimeout();
        await _app.DisposeAsync();
    }
}
