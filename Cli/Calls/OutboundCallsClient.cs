using System.Net.Http.Headers;
using System.Text.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Cli.Calls;

/// <summary>The control plane's outbound API: POST {api}/calls places a call, GET {api}/calls/{id}/dial tells how dialling went.</summary>
public sealed class OutboundCallsClient(HttpClient http, Uri baseUrl, string apiKey)
{
    public Task<PlaceCallResponse> PlaceAsync(PlaceCallRequest request, CancellationToken cancellationToken) =>
        SendAsync<PlaceCallResponse>(HttpMethod.Post, "calls", JsonSerializer.SerializeToUtf8Bytes(request, CallsApiJson.Options), cancellationToken);

    public Task<DialStatusResponse> DialStatusAsync(string callId, CancellationToken cancellationToken) =>
        SendAsync<DialStatusResponse>(HttpMethod.Get, "calls/" + Uri.EscapeDataString(callId) + "/dial", null, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string relative, byte[]? body, CancellationToken cancellationToken)
    {
        var root = baseUrl.ToString().EndsWith('/') ? baseUrl : new Uri(baseUrl + "/");
        using var request = new HttpRequestMessage(method, new Uri(root, relative));
        request.Headers.Add("x-functions-key", apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new CallsApiException((int)response.StatusCode, text.Length > 500 ? text[..500] : text);
        }
        return JsonSerializer.Deserialize<T>(text, CallsApiJson.Options) ?? throw new CallsApiException((int)response.StatusCode, "the API answered null");
    }
}
