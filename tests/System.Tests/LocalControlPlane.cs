using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// The local control-plane host in this process (Kestrel on a free loopback port, the Durable Azure Storage backend
/// with a task hub of its own, Azurite with tables of its own), in direct mode: the MediaHost's answered event starts a call.
/// </summary>
internal sealed class LocalControlPlane : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private WebApplication? _app;

    private LocalControlPlane(WebApplication app, Dictionary<string, string?> settings, string eventsSecret, string apiKey)
    {
        _app = app;
        _settings = settings;
        EventsSecret = eventsSecret;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Http.DefaultRequestHeaders.Add("x-functions-key", apiKey);
    }

    public string EventsSecret { get; }
    public Uri BaseUrl => Http.BaseAddress!;
    public HttpClient Http { get; }

    /// <summary>The running host's services (a test runs a timer function's work through them).</summary>
    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("the host is restarting")).Services;

    /// <summary>The host's Durable client (diagnostics: an orchestration's runtime and custom status).</summary>
    public Microsoft.DurableTask.Client.DurableTaskClient Durable =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>(Services);

    /// <summary>
    /// Stops the host (the orchestrations stay in the task hub in Azurite, as a redeployed function app's do), waits <paramref name="downtime"/> with nothing listening, then starts it again on the
    /// same port with the same settings and tables.
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        var app = _app!;
        _app = null;
        await app.StopAsync().DefaultTimeout();
        await app.DisposeAsync();
        await Task.Delay(downtime);
        var settings = new Dictionary<string, string?>(_settings) { ["urls"] = BaseUrl.ToString().TrimEnd('/') };
        _app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(settings));
        await _app.StartAsync().DefaultTimeout();
    }

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
            ["LiveKit:Url"] = "http://127.0.0.1:9",
            ["LiveKit:ApiKey"] = "direct-mode",
            ["LiveKit:ApiSecret"] = NewSecret(),
            ["AgentDispatch:OutboundTrunkId"] = "ST_unused-in-direct-mode",
            ["AgentEvents:Secret"] = eventsSecret,
            ["AgentEvents:DirectMode"] = "true",
            ["Api:Keys:test"] = apiKey,
            ["LocalHost:RunTimers"] = "false",
            ["LocalHost:TaskHubName"] = "sys" + suffix,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(settings));
        await app.StartAsync().DefaultTimeout();
        return new LocalControlPlane(app, settings, eventsSecret, apiKey);
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

    /// <summary>GET /api/calls/{id}, or null while the call is not recorded.</summary>
    public async Task<JsonElement?> GetCallAsync(string callId)
    {
        using var response = await Http.GetAsync($"/api/calls/{Uri.EscapeDataString(callId)}");
        if (response.StatusCode == global::System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls GET /api/calls/{id}/dial until the dial of a call placed through the API has its result (40 s at most).</summary>
    public async Task<DialResult> WaitForDialAsync(string callId)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(40);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var status = await Http.GetFromJsonAsync<DialStatusResponse>($"/api/calls/{callId}/dial", CallsApiJson.Options);
            if (status?.Result is { } result)
            {
                return result;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("dialling did not end within 40 s");
    }

    /// <summary>Polls GET /api/calls/{id} until <paramref name="done"/> holds; fails with the last answer after the timeout.</summary>
    public async Task<JsonElement> WaitForCallAsync(string callId, Func<JsonElement, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        JsonElement? last = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                last = await GetCallAsync(callId);
                if (last is { } call && done(call))
                {
                    return call;
                }
            }
            catch (HttpRequestException)
            {
                // The host is restarting or its storage is down: ask again.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{what}: not within {timeout}; last seen: {last?.ToString() ?? "no record"}");
    }

    /// <summary>True when some turn has both the caller's words and the agent's answer.</summary>
    public static bool HasAnsweredQuestion(JsonElement call) =>
        call.GetProperty("turns").EnumerateArray().Any(t =>
            !string.IsNullOrWhiteSpace(t.GetProperty("callerText").GetString()) && !string.IsNullOrWhiteSpace(t.GetProperty("agentText").GetString()));

    public static bool IsFinalized(JsonElement call) => call.GetProperty("record").GetProperty("outcome").GetString() != "InProgress";

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_app is { } app)
        {
            await app.StopAsync().DefaultTimeout();
            await app.DisposeAsync();
        }
        // The run's task hub (tables, queues, lease containers) goes with it.
        await new DurableTask.AzureStorage.AzureStorageOrchestrationService(new DurableTask.AzureStorage.AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = _settings["LocalHost:TaskHubName"]!,
            StorageAccountClientProvider = new DurableTask.AzureStorage.StorageAccountClientProvider(Azurite.ConnectionString),
        }).DeleteAsync();
    }
}
