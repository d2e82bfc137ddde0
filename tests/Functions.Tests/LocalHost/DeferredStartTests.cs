using System.Net.Http.Headers;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Functions.Tests.LocalHost;

/// <summary>
/// The Durable Azure Storage provider (over Azurite, a task hub of the test's own) defers a start message it takes
/// before the instance row exists, and discards an event raised into the instance meanwhile ("No such instance").
/// Events that arrive in that window must still reach the call.
/// </summary>
public sealed class DeferredStartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [SkippableFact]
    public async Task Caller_who_joins_while_the_providers_start_is_deferred_is_acted_on_and_the_call_ends_as_a_caller_hang_up()
    {
        Azurite.RequireRunning();
        await using var livekit = await LoopbackLiveKitApiTestServer.StartAsync();
        await using var clients = new ServiceCollection().AddLiveKitApi(o => { o.Url = livekit.Url.ToString(); o.ApiKey = livekit.ApiKey; o.ApiSecret = livekit.ApiSecret; }).BuildServiceProvider();
        var trunk = await clients.GetRequiredService<SipServiceClient>().CreateOutboundTrunkAsync(new SipOutboundTrunkInfo { Name = "mediahost", Address = "127.0.0.1:5070", Numbers = ["+70000000000"] });
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var apiKey = WebhookTestKit.NewSecret();
        await using var hub = new TaskHubStorage();
        var log = new LogWatch();
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["AzureWebJobsStorage"] = Azurite.ConnectionString,
                ["CallStore:TableName"] = "calls" + suffix,
                ["CallStore:BlobContainerName"] = "t-" + suffix,
                ["Webhooks:DedupeTableName"] = "dedupe" + suffix,
                ["Webhooks:EarlyEventsTableName"] = "early" + suffix,
                ["LiveKit:Url"] = livekit.Url.ToString(),
                ["LiveKit:ApiKey"] = livekit.ApiKey,
                ["LiveKit:ApiSecret"] = livekit.ApiSecret,
                ["AgentEvents:Secret"] = WebhookTestKit.NewSecret(),
                ["AgentDispatch:OutboundTrunkId"] = trunk.SipTrunkId,
                ["Calls:AgentAnswerTimeoutSeconds"] = "60",
                ["Calls:CallerJoinTimeoutSeconds"] = "20",
                ["Api:Keys:ops"] = apiKey,
                ["LocalHost:RunTimers"] = "false",
                ["LocalHost:TaskHubName"] = hub.Name,
            }),
            logging: l => l.AddProvider(log),
            services: s => s.AddSingleton<IOrchestrationServiceClient>(sp => new StartAheadOfInstanceRowClient(
                sp.GetRequiredService<AzureStorageOrchestrationService>(), hub.Instances, hub.Name,
                instanceId => log.WaitForAsync("deferred pending instance status reconciliation", instanceId))));
        await app.StartAsync().DefaultTimeout();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var signer = new WebhookSigner(livekit.Credentials, TimeProvider.System);
            async Task<string> Post(byte[] body)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/webhook+json");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/livekit/webhook") { Content = content };
                request.Headers.TryAddWithoutValidation("Authorization", signer.Sign(body));
                using var response = await http.SendAsync(request).DefaultTimeout();
                Assert.Equal(200, (int)response.StatusCode);
                return await response.Content.ReadAsStringAsync();
            }
            var room = $"call-_+79990001122_defer{suffix}";

            Assert.Contains("Started", await Post(WebhookBodies.RoomStarted(room))); // its start message now waits, deferred
            await Post(WebhookBodies.CallerJoined(room)); // raised into the instance whose row says Pending

            // Knowing its caller, the orchestration dials the agent: long before the caller-join timeout would abandon it.
            var client = app.Services.GetRequiredService<DurableTaskClient>();
            var deadline = DateTime.UtcNow + Patience;
            while (livekit.State.GetDials().Count == 0 && DateTime.UtcNow < deadline)
            {
                var instance = await client.GetInstanceAsync(room, getInputsAndOutputs: true);
                Assert.False(instance?.IsCompleted == true, "the call ended without its caller: " + instance?.SerializedOutput);
                await Task.Delay(100);
            }
            Assert.Single(livekit.State.GetDials());

            await Post(WebhookBodies.SipAgentJoined(room, "active"));
            await Post(WebhookBodies.CallerLeft(room));
            var done = await client.WaitForInstanceCompletionAsync(room, getInputsAndOutputs: true).WaitAsync(Patience);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            var result = done.ReadOutputAs<CallResult>()!;
            Assert.Equal((CallOutcome.Completed, CallEndReason.CallerHangUp), (result.Outcome, result.EndReason));
        }
        finally
        {
            await app.StopAsync();
            foreach (var t in new[] { "calls", "dedupe", "early" })
            {
                await new Azure.Data.Tables.TableClient(Azurite.ConnectionString, t + suffix).DeleteAsync();
            }
        }
    }
}
