using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// Sends one signed post-call report. The HttpClient carries the resilience handler (quick retries with jitter on 5xx,
/// 408, 429 and network errors, see <see cref="OutboundServiceCollectionExtensions"/>); anything still failing throws
/// <see cref="PostCallDeliveryException"/> so the durable retry tries again later.
/// </summary>
public sealed class PostCallReportSender(HttpClient http, IOptions<PostCallReportOptions> options, TimeProvider time)
{
    public const string HttpClientName = "PostCallReport";

    public bool Enabled => options.Value.Enabled;

    /// <returns>The receiver's HTTP status (2xx).</returns>
    public async Task<int> SendAsync(PostCallReport report, CancellationToken ct)
    {
        var o = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(report, CallsApiJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // Signed at send time: a retry a minute later carries a fresh timestamp, within the receiver's tolerance.
        request.Headers.Add(BodySignature.HeaderName, BodySignature.Sign(body, o.KeyId, Encoding.UTF8.GetBytes(o.Secret), time.GetUtcNow()));
        request.Headers.Add("X-VoiceFunctions-Delivery", report.DeliveryId);
        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? (int)response.StatusCode
                : throw new PostCallDeliveryException($"the receiver answered HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            throw new PostCallDeliveryException("the receiver could not be reached: " + e.HttpRequestError);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            throw new PostCallDeliveryException("the receiver did not answer in time");
        }
    }
}
