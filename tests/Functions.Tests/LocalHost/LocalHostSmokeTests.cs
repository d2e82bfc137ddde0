using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Timers;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Functions.Tests.LocalHost;

/// <summary>Starts the local host on Kestrel (loopback, port 0) and drives a call through it over HTTP.</summary>
public sealed class LocalHostSmokeTests
{
    [SkippableFact]
    public async Task Local_host_serves_the_functions_and_runs_a_call_from_signed_webhooks_to_its_record()
    {
        Azurite.RequireRunning();
        await using var livekit = await LoopbackLiveKitApiTestServer.StartAsync();
        await using var clients = new ServiceCollection().AddLiveKitApi(o => { o.Url = livekit.Url.ToString(); o.ApiKey = livekit.ApiKey; o.ApiSecret = livekit.ApiSecret; }).BuildServiceProvider();
        var trunk = await clients.GetRequiredService<SipServiceClient>().CreateOutboundTrunkAsync(new SipOutboundTrunkInfo { Name = "mediahost", Address = "127.0.0.1:5070", Numbers = ["+70000000000"] });
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var apiKey = WebhookTestKit.NewSecret();
        await using var hub = new TaskHubStorage();
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["CallStore:TableName"] = "calls" + suffix,
            ["CallStore:BlobContainerName"] = "t-" + suffix,
            ["Webhooks:DedupeTableName"] = "dedupe" + suffix,
            ["Webhooks:EarlyEventsTableName"] = "early" + suffix,
            ["Health:SnapshotTableName"] = "health" + suffix,
            ["LiveKit:Url"] = livekit.Url.ToString(),
            ["LiveKit:ApiKey"] = livekit.ApiKey,
            ["LiveKit:ApiSecret"] = livekit.ApiSecret,
            ["AgentEvents:Secret"] = WebhookTestKit.NewSecret(),
            ["AgentDispatch:OutboundTrunkId"] = trunk.SipTrunkId,
            ["Calls:AgentAnswerTimeoutSeconds"] = "60",
            ["Api:Keys:ops"] = apiKey,
            ["HealthCheckSchedule"] = "* * * * * *",
            ["ReconciliationSchedule"] = "0 0 0 1 1 *",
            ["PurgeSchedule"] = "0 0 0 1 1 *",
            ["LocalHost:TaskHubName"] = hub.Name,
        }));
        await app.StartAsync().DefaultTimeout();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var signer = new WebhookSigner(livekit.Credentials, TimeProvider.System);
            async Task<(int Status, string Body)> Post(byte[] body)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/webhook+json");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/livekit/webhook") { Content = content };
                request.Headers.TryAddWithoutValidation("Authorization", signer.Sign(body));
                using var response = await http.SendAsync(request).DefaultTimeout();
                return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            const string room = "call-_+79990001122_local";

            var started = await Post(WebhookBodies.CallerJoined(room));
            Assert.Equal(200, started.Status);
            Assert.Contains("Started", started.Body);
            var forged = WebhookBodies.CallerJoined(room);
            using (var forgedRequest = new HttpRequestMessage(HttpMethod.Post, "/api/livekit/webhook") { Content = new ByteArrayContent(forged) })
            {
                forgedRequest.Headers.TryAddWithoutValidation("Authorization", new WebhookSigner(new LiveKitCredentials(livekit.ApiKey, WebhookTestKit.NewSecret()), TimeProvider.System).Sign(forged));
                Assert.Equal(401, (int)(await http.SendAsync(forgedRequest)).StatusCode);
            }

            await WaitUntilAsync(() => livekit.State.GetDials().Count == 1); // the orchestration dialled the MediaHost
            Assert.Equal(200, (await Post(WebhookBodies.SipAgentJoined(room, "active"))).Status);
            Assert.Equal(200, (await Post(WebhookBodies.CallerLeft(room))).Status);
            var client = app.Services.GetRequiredService<DurableTaskClient>();
            var done = await client.WaitForInstanceCompletionAsync(room, getInputsAndOutputs: true).DefaultTimeout();
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);

            using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/calls/{Uri.EscapeDataString(room)}");
            get.Headers.Add("x-functions-key", apiKey);
            using var record = await http.SendAsync(get).DefaultTimeout();
            var json = JsonDocument.Parse(await record.Content.ReadAsStringAsync()).RootElement.GetProperty("record");
            Assert.Equal("Completed", json.GetProperty("outcome").GetString());
            Assert.Equal("CallerHangUp", json.GetProperty("endReason").GetString());

            // The HealthCheck timer runs on its schedule setting as a hosted service and stores its report.
            await WaitUntilAsync(async () => await new VoiceFunctions.Functions.Health.HealthSnapshotStore(new TableClient(Azurite.ConnectionString, "health" + suffix)).GetLatestAsync(CancellationToken.None) is not null);
        }
        finally
        {
            await app.StopAsync();
            foreach (var t in new[] { "calls", "dedupe", "early", "health" })
            {
                await new TableClient(Azurite.ConnectionString, t + suffix).DeleteAsync();
            }
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TaskTimeoutExtensions.Standard;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }
}
