using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage;
using Azure.Storage.Sas;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.MediaHost.Tests.Recording;

/// <summary>
/// A double of the control plane's upload-link endpoint (POST /api/calls/{id}/recording/upload): answers each request
/// with the next scripted answer — a SAS for the call's blob on Azurite, minted as the control plane mints it (with
/// the permissions and expiry the test chooses), or a refusal — and keeps the requests it saw.
/// </summary>
internal sealed class UploadLinkDouble(string containerName) : HttpMessageHandler
{
    public const string Account = "devstoreaccount1";
    // Azurite's documented development account key (public, not a secret).
    private const string AzuriteKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Queue<Func<string, HttpResponseMessage>> _answers = new();

    public List<(string? Authorization, RecordingUploadRequest Body)> Requests { get; } = [];

    public static string Location(string container, string callId) => $"http://127.0.0.1:10000/{Account}/{container}/calls/{callId}.wav";

    /// <summary>Next answer: a link with these permissions, expiring this far from now (negative: already expired).</summary>
    public UploadLinkDouble ThenLink(BlobSasPermissions permissions, TimeSpan expiresIn, string? blobEndpoint = null)
    {
        _answers.Enqueue(callId =>
        {
            var sas = new BlobSasBuilder(permissions, DateTimeOffset.UtcNow + expiresIn)
            {
                BlobContainerName = containerName,
                BlobName = $"calls/{callId}.wav",
                Resource = "b",
                StartsOn = DateTimeOffset.UtcNow.AddMinutes(-10),
            }.ToSasQueryParameters(new StorageSharedKeyCredential(Account, AzuriteKey));
            var endpoint = blobEndpoint ?? $"http://127.0.0.1:10000/{Account}";
            var grant = new RecordingUploadGrant(new Uri($"{endpoint}/{containerName}/calls/{callId}.wav?{sas}"), Location(containerName, callId), DateTimeOffset.UtcNow + expiresIn);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(grant, AgentEventParser.Json), Encoding.UTF8, "application/json") };
        });
        return this;
    }

    public UploadLinkDouble ThenRefusal(HttpStatusCode status, string text)
    {
        _answers.Enqueue(_ => new HttpResponseMessage(status) { Content = new StringContent(text) });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Deserialize<RecordingUploadRequest>(await request.Content!.ReadAsByteArrayAsync(cancellationToken), AgentEventParser.Json)!;
        Requests.Add((request.Headers.Authorization?.ToString(), body));
        Assert.Equal($"/api/calls/{body.CallId}/recording/upload", request.RequestUri!.AbsolutePath);
        return _answers.Dequeue()(body.CallId);
    }
}
