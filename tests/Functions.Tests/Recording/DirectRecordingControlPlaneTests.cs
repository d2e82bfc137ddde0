using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using System.Text.Json;
using VoiceFunctions.Functions.Recording;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Recording;

/// <summary>
/// The control plane's side of direct-mode recording, over Azurite: the MediaHost's signed request gets a link that may
/// create and write the call's WAV blob and nothing else; bad requests are refused with the reason; the MediaHost's
/// recording event puts the blob's location, duration and size in the record and an entry on the timeline.
/// </summary>
public sealed class DirectRecordingControlPlaneTests : IAsyncLifetime
{
    private const string CallId = "call-direct-recording";
    private const string AzuriteAccount = "devstoreaccount1";
    // Azurite's documented development account key (public, not a secret).
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly DurableClientMock _durable = new();
    private WebhookTestKit _kit = null!;
    private CallRecordingOptions _options = null!;
    private BlobContainerClient _container = null!;

    public async Task InitializeAsync()
    {
        Azurite.RequireRunning();
        _kit = new WebhookTestKit(directMode: true);
        _options = new CallRecordingOptions
        {
            Enabled = true, BlobServiceUri = $"http://127.0.0.1:10000/{AzuriteAccount}", AccountName = AzuriteAccount, AccountKey = AzuriteKey,
            ContainerName = "rec-" + Guid.NewGuid().ToString("N")[..12], UploadLinkLifetime = TimeSpan.FromMinutes(20),
        };
        _container = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(_options.ContainerName);
        await _container.CreateAsync();
        await _kit.Storage.Store.CreateAsync(new CallRecord { CallId = CallId, RoomName = CallId, StartedAt = _kit.Time.GetUtcNow() });
        _durable.SetInstance(CallId, OrchestrationRuntimeStatus.Completed);
    }

    public async Task DisposeAsync()
    {
        await _container.DeleteIfExistsAsync();
        await _kit.DisposeAsync();
    }

    private RecordingUploadHandler Handler(CallRecordingOptions? options = null) => new(
        new AgentEventVerifier(new TokenVerifier(_kit.MediaHost, _kit.Time), maxBodyBytes: 16 * 1024), _kit.Storage.Store,
        RecordingTestLinks.Issuer(options ?? _options, _kit.Time), Options.Create(options ?? _options));

    private static byte[] Body(string callId = CallId, string contentType = "audio/wav", long size = 1000) =>
        JsonSerializer.SerializeToUtf8Bytes(new RecordingUploadRequest(callId, contentType, size), AgentEventParser.Json);

    private Task<HttpResponseResult> AskAsync(byte[] body, string? authorization, string callId = CallId, CallRecordingOptions? options = null) =>
        Handler(options).HandleAsync(WebhookTestKit.Request(body, authorization, $"/api/calls/{callId}/recording/upload"), callId, CancellationToken.None);

    [SkippableFact]
    public async Task A_signed_request_gets_a_link_that_may_create_and_write_the_calls_wav_blob_and_not_read_it()
    {
        var body = Body();
        var answer = await AskAsync(body, _kit.SignAgentEvent(body));

        Assert.Equal(200, answer.Status);
        var grant = JsonSerializer.Deserialize<RecordingUploadGrant>(answer.Body, AgentEventParser.Json)!;
        Assert.Equal($"http://127.0.0.1:10000/{AzuriteAccount}/{_options.ContainerName}/calls/{CallId}.wav", grant.Location);
        Assert.Equal(_kit.Time.GetUtcNow() + TimeSpan.FromMinutes(20), grant.ExpiresAt);
        Assert.DoesNotContain(AzuriteKey, answer.BodyText);
        var query = System.Web.HttpUtility.ParseQueryString(grant.UploadUrl.Query);
        Assert.Equal(("cw", "b"), (query["sp"], query["sr"]));

        var blob = new BlockBlobClient(grant.UploadUrl);
        await blob.UploadAsync(new MemoryStream([1, 2, 3, 4]));
        var read = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => blob.DownloadContentAsync());
        Assert.Equal(403, read.Status);
        var other = new BlockBlobClient(new Uri(grant.UploadUrl.ToString().Replace($"calls/{CallId}.wav", "calls/another-call.wav", StringComparison.Ordinal)));
        Assert.Equal(403, (await Assert.ThrowsAsync<Azure.RequestFailedException>(() => other.UploadAsync(new MemoryStream([9])))).Status);
    }

    [SkippableFact]
    public async Task Requests_that_are_unsigned_for_another_call_or_unknown_calls_are_refused_with_the_reason()
    {
        var body = Body();
        Assert.Equal(401, (await AskAsync(body, null)).Status);
        var forged = new LiveKitCredentials("mediahost", WebhookTestKit.NewSecret());
        Assert.Equal(401, (await AskAsync(body, _kit.SignAgentEvent(body, forged))).Status);

        var mismatch = await AskAsync(body, _kit.SignAgentEvent(body), callId: "call-other");
        Assert.Equal((400, "the request's callId does not match the call in the URL"), (mismatch.Status, mismatch.BodyText));

        var unknownBody = Body("call-nobody");
        Assert.Equal(404, (await AskAsync(unknownBody, _kit.SignAgentEvent(unknownBody), callId: "call-nobody")).Status);

        var ogg = Body(contentType: "audio/ogg");
        Assert.Equal((400, "contentType must be audio/wav"), ((await AskAsync(ogg, _kit.SignAgentEvent(ogg))).Status, (await AskAsync(ogg, _kit.SignAgentEvent(ogg))).BodyText));

        var disabled = await AskAsync(body, _kit.SignAgentEvent(body), options: new CallRecordingOptions { Enabled = false });
        Assert.Equal(409, disabled.Status);
        Assert.Contains("Recording:Enabled", disabled.BodyText);
    }

    [SkippableFact]
    public async Task The_recording_event_stores_location_duration_and_size_after_the_call_ended_and_no_second_link_is_given()
    {
        var location = $"http://127.0.0.1:10000/{AzuriteAccount}/{_options.ContainerName}/calls/{CallId}.wav";
        var failed = Event("mh-x-recording-attempt-1", new CallRecording("mediahost", "Retrying", false, null, "upload attempt 1 failed: Blob Storage could not be reached", _kit.Time.GetUtcNow()));
        var uploaded = Event("mh-x-recording-uploaded", new CallRecording("mediahost", "Complete", true, location, null, _kit.Time.GetUtcNow().AddSeconds(1), TimeSpan.FromSeconds(9), 576_044));
        var function = new AgentEventsFunction(_kit.AgentEvents);
        foreach (var message in new[] { failed, uploaded })
        {
            var body = WebhookTestKit.AgentEvent(message);
            var response = (HttpResponseResult)await function.Run(WebhookTestKit.Request(body, _kit.SignAgentEvent(body), $"/api/calls/{CallId}/events"), CallId, _durable.Object, CancellationToken.None);
            Assert.Equal(200, response.Status);
        }

        var record = (await _kit.Storage.Store.GetAsync(CallId))!;
        Assert.Equal(uploaded.Recording, record.Recording);
        var timeline = await _kit.Storage.Store.GetTimelineAsync(CallId);
        Assert.Contains(timeline, e => e.Name == "recording" && e.Detail == "recording Retrying: upload attempt 1 failed: Blob Storage could not be reached");
        Assert.Contains(timeline, e => e.Name == "recording" && e.Detail == $"recording Complete: {location}, 9.0 s, 576044 bytes");

        var again = Body();
        var second = await AskAsync(again, _kit.SignAgentEvent(again));
        Assert.Equal((409, "the call's recording is already stored"), (second.Status, second.BodyText));
    }

    [Fact]
    public void A_recording_event_without_its_recording_is_refused_by_the_parser()
    {
        var body = AgentEventParser.Serialize(new AgentEventMessage { Id = "mh-1", CallId = CallId, Type = AgentEventType.Recording, OccurredAt = DateTimeOffset.UnixEpoch });
        Assert.Null(AgentEventParser.TryParse(body, CallId, out var problem));
        Assert.Equal("a recording event needs recording", problem);
    }

    private AgentEventMessage Event(string id, CallRecording recording) =>
        new() { Id = id, CallId = CallId, Type = AgentEventType.Recording, OccurredAt = recording.UpdatedAt, Recording = recording };
}
