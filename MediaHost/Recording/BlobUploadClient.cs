using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// Uploads a file to one blob through a SAS URL with the Blob service's REST API (no storage SDK in the MediaHost): one
/// Put Blob when the file fits in a block, else Put Block for each block and Put Block List. The client's pipeline
/// (<see cref="UploadRequestPipeline"/>) retries transient failures of each request; a refusal (403: link expired or not allowed, 404: no
/// container) ends the attempt with the service's error code. The URL carries a signature: it is never logged or
/// put in an error.
/// </summary>
public sealed class BlobUploadClient(UploadRequestPipeline http)
{
    /// <summary>The REST API version of the requests (Azurite and Azure both accept it).</summary>
    public const string ApiVersion = "2021-08-06";

    public async Task UploadAsync(Uri sasUrl, string path, string contentType, int blockBytes, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(blockBytes);
        try
        {
            if (file.Length <= blockBytes)
            {
                var length = await file.ReadAtLeastAsync(buffer.AsMemory(0, blockBytes), (int)file.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
                await SendAsync(() =>
                {
                    var request = Put(sasUrl, "", new ByteArrayContent(buffer, 0, length));
                    request.Headers.Add("x-ms-blob-type", "BlockBlob");
                    request.Content!.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                    return request;
                }, "Put Blob", ct).ConfigureAwait(false);
                return;
            }
            var ids = new List<string>();
            while (true)
            {
                var length = await file.ReadAtLeastAsync(buffer.AsMemory(0, blockBytes), blockBytes, throwOnEndOfStream: false, ct).ConfigureAwait(false);
                if (length == 0)
                {
                    break;
                }
                var id = BlockId(ids.Count);
                ids.Add(id);
                await SendAsync(() => Put(sasUrl, "comp=block&blockid=" + Uri.EscapeDataString(id), new ByteArrayContent(buffer, 0, length)),
                    $"Put Block {ids.Count}", ct).ConfigureAwait(false);
            }
            var blockList = BlockListXml(ids);
            await SendAsync(() =>
            {
                var commit = Put(sasUrl, "comp=blocklist", new ByteArrayContent(blockList));
                commit.Headers.Add("x-ms-blob-content-type", contentType);
                commit.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
                return commit;
            }, "Put Block List", ct).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Block ids are base64 of equal-length text (the service requires one length per blob).</summary>
    public static string BlockId(int index) => Convert.ToBase64String(Encoding.ASCII.GetBytes("block-" + index.ToString("D6", CultureInfo.InvariantCulture)));

    public static byte[] BlockListXml(IEnumerable<string> ids)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (var id in ids)
        {
            xml.Append("<Latest>").Append(id).Append("</Latest>");
        }
        return Encoding.UTF8.GetBytes(xml.Append("</BlockList>").ToString());
    }

    private static HttpRequestMessage Put(Uri sasUrl, string query, HttpContent content)
    {
        var url = query.Length == 0 ? sasUrl : new Uri(sasUrl + (string.IsNullOrEmpty(sasUrl.Query) ? "?" : "&") + query);
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
        request.Headers.Add("x-ms-version", ApiVersion);
        return request;
    }

    private async Task SendAsync(Func<HttpRequestMessage> request, string step, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RecordingUploadException($"Blob Storage could not be reached ({step}: {e.HttpRequestError})");
        }
        catch (Exception e) when (e is TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            throw new RecordingUploadException($"Blob Storage did not answer in time ({step})");
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var code = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;
                throw new RecordingUploadException($"Blob Storage refused the upload ({step}): HTTP {(int)response.StatusCode} {code ?? response.ReasonPhrase}{Hint(code)}",
                    (int)response.StatusCode);
            }
        }
    }

    private static string Hint(string? code) => code switch
    {
        "AuthenticationFailed" => " (the upload link is expired or its signature is not accepted)",
        "AuthorizationPermissionMismatch" => " (the upload link does not allow this write)",
        "AuthorizationFailure" => " (the upload link is expired or does not allow this write)",
        "ContainerNotFound" => " (the recordings container does not exist)",
        _ => "",
    };
}
