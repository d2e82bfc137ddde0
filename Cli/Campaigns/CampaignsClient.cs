using System.Net.Http.Headers;
using System.Text.Json;
using VoiceFunctions.Cli.Calls;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Cli.Campaigns;

/// <summary>
/// The control plane's campaigns API: POST {api}/campaigns (JSON, or CSV with the settings in the query; an optional
/// Idempotency-Key), GET {api}/campaigns (the list), GET {api}/campaigns/{id}, POST {api}/campaigns/{id}/pause|resume|cancel. A refusal throws <see cref="CallsApiException"/>
/// with the API's own text (which names each bad row and field).
/// </summary>
public sealed class CampaignsClient(HttpClient http, Uri baseUrl, string apiKey)
{
    public Task<StartCampaignResponse> StartAsync(StartCampaignRequest request, string? idempotencyKey, CancellationToken ct) =>
        SendAsync<StartCampaignResponse>(HttpMethod.Post, "campaigns", JsonSerializer.SerializeToUtf8Bytes(request, CallsApiJson.Options), "application/json", ct, idempotencyKey);

    public Task<StartCampaignResponse> StartCsvAsync(byte[] csv, string query, string? idempotencyKey, CancellationToken ct) =>
        SendAsync<StartCampaignResponse>(HttpMethod.Post, "campaigns" + query, csv, "text/csv", ct, idempotencyKey);

    public Task<CampaignListResponse> ListAsync(int pageSize, string? pageToken, CancellationToken ct) =>
        SendAsync<CampaignListResponse>(HttpMethod.Get, $"campaigns?pageSize={pageSize}" + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken)), null, null, ct);

    public Task<CampaignResponse> GetAsync(string campaignId, int pageSize, string? pageToken, CancellationToken ct) =>
        SendAsync<CampaignResponse>(HttpMethod.Get,
            $"campaigns/{Uri.EscapeDataString(campaignId)}?pageSize={pageSize}" + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken)), null, null, ct);

    public Task<CampaignActionResponse> ControlAsync(string campaignId, string action, CancellationToken ct) =>
        SendAsync<CampaignActionResponse>(HttpMethod.Post, $"campaigns/{Uri.EscapeDataString(campaignId)}/{action}", [], "application/json", ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string relative, byte[]? body, string? contentType, CancellationToken ct, string? idempotencyKey = null)
    {
        var root = baseUrl.ToString().EndsWith('/') ? baseUrl : new Uri(baseUrl + "/");
        using var request = new HttpRequestMessage(method, new Uri(root, relative));
        request.Headers.Add("x-functions-key", apiKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType!);
        }
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new CallsApiException((int)response.StatusCode, text.Length > 4000 ? text[..4000] : text);
        }
        return JsonSerializer.Deserialize<T>(text, CallsApiJson.Options) ?? throw new CallsApiException((int)response.StatusCode, "the API answered null");
    }
}
