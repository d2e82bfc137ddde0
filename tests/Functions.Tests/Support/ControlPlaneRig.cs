using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// The control plane's real service composition (AddControlPlane) pointed at a loopback LiveKit API
/// test server, a loopback HTTP recorder (MediaHost /health and the alert webhook) and tables of its
/// own in Azurite.
/// </summary>
public sealed class ControlPlaneRig : IAsyncDisposable
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];

    private ControlPlaneRig(LoopbackLiveKitApiTestServer livekit, LoopbackRequestRecorder recorder)
    {
        LiveKit = livekit;
        Recorder = recorder;
    }

    public LoopbackLiveKitApiTestServer LiveKit { get; }
    public LoopbackRequestRecorder Recorder { get; }
    public ServiceProvider Services { get; private set; } = null!;
    public string ApiKeySecret { get; } = WebhookTestKit.NewSecret();
    public string Table(string name) => name + _suffix;

    /// <param name="time">The clock the services run on (default: the system clock).</param>
    public static async Task<ControlPlaneRig> StartAsync(Action<Dictionary<string, string?>>? configure = null, string? livekitUrl = null, TimeProvider? time = null)
    {
        Azurite.RequireRunning();
        var rig = new ControlPlaneRig(await LoopbackLiveKitApiTestServer.StartAsync(), await LoopbackRequestRecorder.StartAsync());
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["CallStore:TableName"] = rig.Table("calls"),
            ["CallStore:BlobContainerName"] = "t-" + rig._suffix,
            ["Webhooks:DedupeTableName"] = rig.Table("dedupe"),
            ["Webhooks:EarlyEventsTableName"] = rig.Table("early"),
            ["Health:SnapshotTableName"] = rig.Table("health"),
            ["LiveKit:Url"] = livekitUrl ?? rig.LiveKit.Url.ToString(),
            ["LiveKit:ApiKey"] = rig.LiveKit.ApiKey,
            ["LiveKit:ApiSecret"] = rig.LiveKit.ApiSecret,
            ["LiveKit:Resilience:MaxAttempts"] = "1",
            ["AgentEvents:Secret"] = WebhookTestKit.NewSecret(),
            ["AgentDispatch:OutboundTrunkId"] = "ST_none",
            ["Health:MediaHostHealthUrl"] = new Uri(rig.Recorder.Url, "/health").ToString(),
            ["Health:AlertWebhookUrl"] = new Uri(rig.Recorder.Url, "/alerts").ToString(),
            ["Health:LatencyThresholdMs"] = "5000",
            ["Api:Keys:ops"] = rig.ApiKeySecret,
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }
        rig.Services = services.AddControlPlane(configuration).BuildServiceProvider();
        return rig;
    }

    /// <summary>Dispatch through a LiveKit agent instead of the MediaHost's outbound trunk (nothing to seed).</summary>
    public static void NoOutboundTrunk(Dictionary<string, string?> settings)
    {
        settings["AgentDispatch:Mode"] = "LiveKitAgent";
        settings["AgentDispatch:AgentName"] = "voice-agent";
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public IReadOnlyList<LoopbackRecordedRequest> Alerts => Recorder.Requests.Where(r => r.Path == "/alerts").ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var name in new[] { "calls", "dedupe", "early", "health" })
        {
            await new TableClient(Azurite.ConnectionString, Table(name)).DeleteAsync();
        }
        await new Azure.Storage.Blobs.BlobContainerClient(Azurite.ConnectionString, "t-" + _suffix).DeleteIfExistsAsync();
        await Services.DisposeAsync();
        await Recorder.DisposeAsync();
        await LiveKit.DisposeAsync();
    }
}
