using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Recording;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Functions.Tests.Recording;

/// <summary>
/// LiveKit-mode call recording followed from end to end: the orchestration (in-process Durable host) asks the
/// LiveKit API stand-in for an audio-only room-composite egress with the Azure Blob upload when the agent
/// answers and stops it at the end; the egress_ended webhook that comes after the orchestration finished
/// still reaches the record; the calls API shows the recording and hands out a read link that Azurite honours.
/// </summary>
public sealed class LiveKitRecordingTests
{
    /// <summary>Azurite's documented development account (public, not a secret).</summary>
    private const string AzuriteAccount = "devstoreaccount1";
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string ApiKey = "recording-test-key";

    [SkippableFact]
    public async Task An_answered_call_is_recorded_to_blob_storage_and_the_late_egress_end_reaches_the_record_and_its_read_link()
    {
        Azurite.RequireRunning();
        var options = new CallRecordingOptions
        {
            Enabled = true, BlobServiceUri = $"http://127.0.0.1:10000/{AzuriteAccount}", AccountName = AzuriteAccount, AccountKey = AzuriteKey,
            ContainerName = "rec-" + Guid.NewGuid().ToString("N")[..12],
        };
        Assert.True(new CallRecordingOptionsValidator().Validate(null, options).Succeeded);
        var container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(options.ContainerName);
        await container.CreateAsync();
        await using var livekit = await LoopbackLiveKitApiTestServer.StartAsync();
        void LiveKitApi(IServiceCollection s) => s.AddLiveKitApi(o =>
        {
            o.Url = livekit.Url.ToString();
            o.ApiKey = livekit.ApiKey;
            o.ApiSecret = livekit.ApiSecret;
            o.Resilience.BaseDelay = TimeSpan.Zero;
        });
        try
        {
            await using var h = await CallOrchestrationHarness.StartAsync(services: s =>
            {
                LiveKitApi(s);
                s.AddSingleton(Options.Create(options));
                s.AddTransient<StartRecordingActivity>();
                s.AddTransient<StopRecordingActivity>();
            });
            var clients = new ServiceCollection();
            LiveKitApi(clients);
            await using var provider = clients.BuildServiceProvider();
            const string callId = "rec-1";
            await provider.GetRequiredService<RoomServiceClient>().CreateRoomAsync(new CreateRoomRequest { Name = "call-" + callId });

            await h.StartAsync(CallOrchestrationHarness.NewCall(callId, CallOrchestrationHarness.FastSettings with { AgentAnswerTimeout = TimeSpan.FromSeconds(20), RecordCalls = true }));
            await h.WaitForPhaseAsync(callId, CallPhase.WaitingForAgent);
            await h.RaiseAsync(callId, CallEventKind.AgentAnswered);
            await h.WaitForPhaseAsync(callId, CallPhase.InCall);

            // Asked of LiveKit on answer: the room's audio, as Ogg, uploaded by the egress to our container.
            var start = Assert.Single(livekit.Requests, r => r.Method == "Egress/StartRoomCompositeEgress");
            var request = JsonNode.Parse(start.Body)!;
            Assert.Equal("call-" + callId, request["roomName"]!.GetValue<string>());
            Assert.True(request["audioOnly"]!.GetValue<bool>());
            var file = request["fileOutputs"]![0]!;
            Assert.Equal("OGG", file["fileType"]!.GetValue<string>());
            Assert.Equal($"calls/{callId}.ogg", file["filepath"]!.GetValue<string>());
            Assert.Equal(AzuriteAccount, file["azure"]!["accountName"]!.GetValue<string>());
            Assert.Equal(options.ContainerName, file["azure"]!["containerName"]!.GetValue<string>());
            var started = (await h.Store.GetAsync(callId))!.Recording!;
            Assert.False(started.Ended);

            await h.RaiseAsync(callId, CallEventKind.CallerLeft);
            await h.WaitForResultAsync(callId);
            var stop = Assert.Single(livekit.Requests, r => r.Method == "Egress/StopEgress");
            Assert.Contains(started.EgressId, stop.Body);

            // The egress finishes its upload and reports after the orchestration is over.
            var audio = new byte[4096];
            Random.Shared.NextBytes(audio);
            await container.GetBlobClient($"calls/{callId}.ogg").UploadAsync(new BinaryData(audio));
            var location = RecordingBlobs.Url(options, $"calls/{callId}.ogg").ToString();
            var delivery = await DeliverWebhookAsync(h, callId, WebhookBodies.Egress("egress_ended", "call-" + callId, started.EgressId, "EGRESS_COMPLETE",
                1771351991000000000, fileLocation: location));
            Assert.Equal(CallDelivery.RecordingStoredAfterEnd, delivery);

            // Read back through the calls API: the record's recording, then a link Azurite serves the file for.
            var guard = new ApiAccessGuard(Options.Create(new ApiOptions { Keys = { ["test"] = ApiKey } }), TimeProvider.System);
            var details = (HttpResponseResult)await new CallsApiFunctions(guard, h.Store, TimeProvider.System).Get(Get($"/api/calls/{callId}"), callId, CancellationToken.None);
            Assert.Equal(200, details.Status);
            var recording = JsonNode.Parse(details.Body)!["record"]!["recording"]!;
            Assert.Equal(location, recording["location"]!.GetValue<string>());
            Assert.True(recording["ended"]!.GetValue<bool>());
            Assert.Equal(48213, recording["sizeBytes"]!.GetValue<long>());

            var api = new RecordingApiFunction(guard, h.Store, RecordingTestLinks.Issuer(options));
            var answer = (HttpResponseResult)await api.Get(Get($"/api/calls/{callId}/recording"), callId, CancellationToken.None);
            Assert.Equal(200, answer.Status);
            Assert.DoesNotContain(AzuriteKey, answer.BodyText);
            var link = JsonSerializer.Deserialize<RecordingLinkResponse>(answer.Body, CallsApiJson.Options)!;
            Assert.Equal(61_000, link.DurationMs);
            Assert.Contains("sig=", link.Url.Query);
            using var http = new HttpClient();
            Assert.Equal(audio, await http.GetByteArrayAsync(link.Url));
            using var withoutLink = await http.GetAsync(location);
            Assert.False(withoutLink.IsSuccessStatusCode, "the container must not be readable without the link");

            var unknown = (HttpResponseResult)await api.Get(Get("/api/calls/nope/recording"), "nope", CancellationToken.None);
            Assert.Equal(404, unknown.Status);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    private static async Task<CallDelivery> DeliverWebhookAsync(CallOrchestrationHarness h, string callId, byte[] body)
    {
        var credentials = new VoiceFunctions.Shared.LiveKit.Auth.LiveKitCredentials("APIrecording", WebhookTestKit.NewSecret());
        var received = await new WebhookReceiver(credentials, TimeProvider.System)
            .ReceiveAsync(new MemoryStream(body), body.Length, new WebhookSigner(credentials, TimeProvider.System).Sign(body), CancellationToken.None);
        Assert.True(received.IsValid, received.Message);
        var route = new WebhookCallMapper("call-", "agent-").Map(received.Event!, DateTimeOffset.UtcNow)!;
        var dispatcher = new CallEventDispatcher(CallOrchestrationHarness.FastSettings, TestEarlyEvents.Store(h.Storage), orphans: null, new LateRecordingWriter(h.Store));
        return await dispatcher.DeliverAsync(route with { CallId = callId }, h.Client, CancellationToken.None);
    }

    private static HttpRequest Get(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.Headers["x-functions-key"] = ApiKey;
        return context.Request;
    }
}
