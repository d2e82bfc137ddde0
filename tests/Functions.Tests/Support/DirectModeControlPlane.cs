using System.Security.Cryptography;
using Azure.Data.Tables;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// Settings of a local control plane in direct mode (the MediaHost's answered event starts a call) with tables and
/// a task hub of its own in Azurite, for a host run in this process or as a child process. Disposing deletes them.
/// </summary>
public sealed class DirectModeControlPlane : IAsyncDisposable
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];

    public DirectModeControlPlane(int httpPort)
    {
        Azurite.RequireRunning();
        EventsKey = new LiveKitCredentials("mediahost", Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        ApiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        BaseUrl = new Uri($"http://127.0.0.1:{httpPort}");
        Settings = new Dictionary<string, string?>
        {
            ["urls"] = BaseUrl.ToString().TrimEnd('/'),
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["CallStore:TableName"] = "calls" + _suffix,
            ["CallStore:BlobContainerName"] = "t-" + _suffix,
            ["Webhooks:DedupeTableName"] = "dedupe" + _suffix,
            ["Webhooks:EarlyEventsTableName"] = "early" + _suffix,
            ["Health:SnapshotTableName"] = "health" + _suffix,
            ["LiveKit:Url"] = "http://127.0.0.1:9",
            ["LiveKit:ApiKey"] = "direct-mode",
            ["LiveKit:ApiSecret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["AgentDispatch:OutboundTrunkId"] = "ST_unused-in-direct-mode",
            ["AgentEvents:KeyId"] = EventsKey.ApiKey,
            ["AgentEvents:Secret"] = EventsKey.ApiSecret,
            ["AgentEvents:DirectMode"] = "true",
            ["Api:Keys:test"] = ApiKey,
            ["LocalHost:RunTimers"] = "false",
            ["LocalHost:TaskHubName"] = Hub.Name,
        };
    }

    public Dictionary<string, string?> Settings { get; }
    public LiveKitCredentials EventsKey { get; }
    public string ApiKey { get; }
    public Uri BaseUrl { get; }
    public TaskHubStorage Hub { get; } = new();

    public HttpClient NewHttpClient()
    {
        var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        foreach (var table in new[] { "calls", "dedupe", "early", "health" })
        {
            await new TableClient(Azurite.ConnectionString, table + _suffix).DeleteAsync();
        }
    }
}
