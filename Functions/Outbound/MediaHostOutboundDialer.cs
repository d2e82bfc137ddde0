using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// Direct mode: asks the MediaHost to dial (POST /calls/outbound, signed with the AgentEvents key, the key the MediaHost
/// already shares with us) and returns its answer. The request lasts until the callee answered or dialling failed.
/// </summary>
public sealed class MediaHostOutboundDialer(HttpClient http, IOptions<OutboundOptions> options, IOptions<AgentEventsOptions> keys, TimeProvider time) : IOutboundDialer
{
    public const string HttpClientName = "MediaHostDial";
    public const string Path = "/calls/outbound";

    public async Task<DialResult> DialAsync(OutboundCallStart call, CancellationToken ct)
    {
        var o = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(new DialCommand(call.CallId, call.To, call.From, call.RingTimeoutSeconds, call.Variables), CallsApiJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(o.MediaHostUrl!, Path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(BodySignature.HeaderName, BodySignature.Sign(body, keys.Value.KeyId, Encoding.UTF8.GetBytes(keys.Value.Secret), time.GetUtcNow()));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(call.RingTimeoutSeconds + o.MediaHostMarginSeconds), time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                return new DialResult(DialOutcome.Failed, null, $"the MediaHost refused the dial: HTTP {(int)response.StatusCode} {Cut(text)}");
            }
            return await response.Content.ReadFromJsonAsync<DialResult>(CallsApiJson.Options, timeout.Token).ConfigureAwait(false)
                ?? new DialResult(DialOutcome.Failed, null, "the MediaHost answered the dial with an empty body");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DialResult(DialOutcome.Failed, null, "the MediaHost did not answer the dial request in time");
        }
        catch (HttpRequestException e)
        {
            return new DialResult(DialOutcome.Failed, null, "the MediaHost could not be reached: " + e.HttpRequestError);
        }
    }

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200];
}
