using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Recording;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Recording;

/// <summary>
/// The upload of a finished recording to Blob Storage (Azurite, through the Blob REST API) with links from a double of
/// the control plane's upload-link endpoint: in one Put Blob or in blocks; an expired link, a link that may not write, an
/// unreachable Blob endpoint and a refused link request each put their reason on the call's timeline and are retried;
/// after the last attempt the file is kept and the record says why; after a success it is removed.
/// </summary>
public sealed class RecordingUploaderTests : IAsyncLifetime
{
    private const string Secret = "recording-tests-agent-events-secret-0123456789";
    private readonly string _folder = Directory.CreateTempSubdirectory("uploads-").FullName;
    private readonly string _container = "up-" + Guid.NewGuid().ToString("N")[..12];
    private readonly CallEventQueue _events = new(new ControlPlaneOptions());
    private BlobContainerClient? _blobs;

    public async Task InitializeAsync()
    {
        Azurite.RequireRunning();
        _blobs = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(_container);
        await _blobs.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_blobs is not null)
        {
            await _blobs.DeleteIfExistsAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }

    private (RecordingUploader Uploader, UploadLinkDouble Links) NewUploader(int blockBytes = 4 * 1024 * 1024, int maxAttempts = 3)
    {
        var links = new UploadLinkDouble(_container);
        var fast = TimeSpan.FromMilliseconds(10);
        var controlPlane = new ControlPlaneOptions { BaseUrl = "http://control-plane.test", Secret = Secret };
        var grants = new UploadGrantClient(new UploadRequestPipeline(new HttpClient(links), TimeSpan.FromSeconds(5), TimeProvider.System, fast), controlPlane, TimeProvider.System);
        var blobs = new BlobUploadClient(new UploadRequestPipeline(new HttpClient(), TimeSpan.FromSeconds(5), TimeProvider.System, fast));
        var options = Options.Create(new RecordingOptions { Enabled = true, MaxAttempts = maxAttempts, FirstRetryDelay = fast, BlockBytes = blockBytes, Directory = _folder });
        return (new RecordingUploader(grants, blobs, new RecordingEvents(_events, TimeProvider.System), options, TimeProvider.System, NullLogger<RecordingUploader>.Instance), links);
    }

    private RecordedFile NewFile(int bytes, out byte[] content)
    {
        content = new byte[bytes];
        Random.Shared.NextBytes(content);
        var callId = "call-" + Guid.NewGuid().ToString("N")[..10];
        var path = Path.Combine(_folder, callId + ".wav");
        File.WriteAllBytes(path, content);
        return new RecordedFile(callId, path, TimeSpan.FromSeconds(4.5), bytes, 0);
    }

    private List<AgentEventMessage> Events()
    {
        var list = new List<AgentEventMessage>();
        while (_events.Reader.TryRead(out var message))
        {
            list.Add(message);
        }
        return list;
    }

    [Theory]
    [InlineData(200_000, 4 * 1024 * 1024)] // one Put Blob
    [InlineData(200_000, 64 * 1024)] // four Put Blocks and a Put Block List
    public async Task A_recording_is_uploaded_the_local_file_removed_and_the_record_gets_its_location_duration_and_size(int bytes, int blockBytes)
    {
        var (uploader, links) = NewUploader(blockBytes);
        links.ThenLink(BlobSasPermissions.Create | BlobSasPermissions.Write, TimeSpan.FromMinutes(10));
        var file = NewFile(bytes, out var content);

        Assert.True(await uploader.UploadAsync(file, CancellationToken.None));

        var blob = (await _blobs!.GetBlobClient($"calls/{file.CallId}.wav").DownloadContentAsync()).Value;
        Assert.Equal(content, blob.Content.ToArray());
        Assert.Equal("audio/wav", blob.Details.ContentType);
        Assert.False(File.Exists(file.Path));
        var recorded = Assert.Single(Events());
        Assert.Equal(AgentEventType.Recording, recorded.Type);
        Assert.Equal(file.CallId, recorded.CallId);
        Assert.Equal(new CallRecording(RecordingEvents.RecordingId, "Complete", true, UploadLinkDouble.Location(_container, file.CallId), null,
            recorded.Recording!.UpdatedAt, TimeSpan.FromSeconds(4.5), bytes), recorded.Recording);
        // The link request was signed with the agent-events key, over its body.
        var (authorization, body) = Assert.Single(links.Requests);
        Assert.Equal(new RecordingUploadRequest(file.CallId, "audio/wav", bytes), body);
        var token = new TokenVerifier(new Dictionary<string, string> { ["mediahost"] = Secret }, TimeProvider.System, TimeSpan.Zero).Verify(authorization!["Bearer ".Length..]);
        Assert.True(token.IsValid, token.Message);
    }

    [Fact]
    public async Task An_expired_link_is_reported_on_the_timeline_and_the_retry_uploads_with_a_new_link()
    {
        var (uploader, links) = NewUploader();
        links.ThenLink(BlobSasPermissions.Create | BlobSasPermissions.Write, TimeSpan.FromMinutes(-1))
            .ThenLink(BlobSasPermissions.Create | BlobSasPermissions.Write, TimeSpan.FromMinutes(10));
        var file = NewFile(10_000, out _);

        Assert.True(await uploader.UploadAsync(file, CancellationToken.None));

        var events = Events();
        Assert.Equal(["Retrying", "Complete"], events.Select(e => e.Recording!.Status));
        var reason = events[0].Recording!.Error!;
        Assert.True(reason.StartsWith("upload attempt 1 failed: Blob Storage refused the upload (Put Blob): HTTP 403", StringComparison.Ordinal)
            && reason.Contains("; the link expired at ", StringComparison.Ordinal) && reason.EndsWith("; retrying in 0.01 s", StringComparison.Ordinal), reason);
        Assert.False(events[0].Recording!.Ended);
        Assert.DoesNotContain("sig=", events[0].Recording!.Error);
        Assert.Equal(2, links.Requests.Count);
    }

    [Fact]
    public async Task A_link_that_may_not_write_fails_every_attempt_the_file_is_kept_and_the_record_says_why()
    {
        var (uploader, links) = NewUploader(maxAttempts: 2);
        links.ThenLink(BlobSasPermissions.Read, TimeSpan.FromMinutes(10)).ThenLink(BlobSasPermissions.Read, TimeSpan.FromMinutes(10));
        var file = NewFile(10_000, out var content);

        Assert.False(await uploader.UploadAsync(file, CancellationToken.None));

        Assert.Equal(content, File.ReadAllBytes(file.Path));
        var events = Events();
        Assert.Equal(["Retrying", "Failed"], events.Select(e => e.Recording!.Status));
        var final = events[^1].Recording!;
        Assert.True(final.Ended);
        Assert.Null(final.Location);
        Assert.StartsWith("upload failed after 2 attempt(s): Blob Storage refused the upload (Put Blob): HTTP 403", final.Error);
        Assert.EndsWith("the file is kept on the MediaHost", final.Error);
        Assert.False(await _blobs!.GetBlobClient($"calls/{file.CallId}.wav").ExistsAsync());
    }

    [Fact]
    public async Task An_unreachable_blob_endpoint_is_named_as_such()
    {
        var (uploader, links) = NewUploader(maxAttempts: 1);
        links.ThenLink(BlobSasPermissions.Create | BlobSasPermissions.Write, TimeSpan.FromMinutes(10), blobEndpoint: $"http://127.0.0.1:{FreePort.Next()}/{UploadLinkDouble.Account}");
        var file = NewFile(1000, out _);

        Assert.False(await uploader.UploadAsync(file, CancellationToken.None));

        var final = Assert.Single(Events()).Recording!;
        Assert.Equal("Failed", final.Status);
        Assert.Contains("Blob Storage could not be reached (Put Blob: ConnectionError)", final.Error);
        Assert.True(File.Exists(file.Path));
    }

    [Fact]
    public async Task A_refused_link_request_is_reported_with_the_control_planes_answer()
    {
        var (uploader, links) = NewUploader(maxAttempts: 1);
        links.ThenRefusal(HttpStatusCode.Conflict, "recording is not enabled in the control plane (Recording:Enabled)");
        var file = NewFile(1000, out _);

        Assert.False(await uploader.UploadAsync(file, CancellationToken.None));

        Assert.Contains("the control plane refused an upload link: HTTP 409 recording is not enabled", Assert.Single(Events()).Recording!.Error);
    }
}
