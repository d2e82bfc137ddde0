using System.Net.Http.Headers;
using System.Text.Json;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Cli.Calls;

/// <summary>
/// The control plane's call-history API: GET {api}/calls?day=&amp;pageSize=&amp;continuation= and
/// GET {api}/calls/{id}, authorised by an API key (x-functions-key). Answers are read into the same
/// response types, with the same JSON options, that the functions write them with.
/// </summary>
public sealed class CallsApiClient(HttpClient http, Uri baseUrl, string apiKey)
{
    public async Task<CallListResponse> ListAsync(DateOnly? day, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        var query = $"calls?pageSize={pageSize}" + (day is { } d ? $"&day={d:yyyy-MM-dd}" : "")
            + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
        return await GetAsync<CallListResponse>(query, cancellationToken);
    }

    public Task<CallDetailsResponse> GetAsync(string callId, CancellationToken cancellationToken) =>
        GetAsync<CallDetailsResponse>("calls/" + Uri.EscapeDataString(callId), cancellationToken);

    /// <summary>A short-lived read link to the call's recording (GET {api}/calls/{id}/recording), or null when the call has none.</summary>
    public async Task<RecordingLinkResponse?> GetRecordingLinkAsync(string callId, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync<RecordingLinkResponse>("calls/" + Uri.EscapeDataString(callId) + "/recording", cancellationToken);
        }
        catch (CallsApiException e) when (e.Status is 404 or 409)
        {
            return null;
        }
    }

    private async Task<T> GetAsync<T>(string relative, CancellationToken cancellationToken)
    {
        var root = baseUrl.ToString().EndsWith('/') ? baseUrl : new Uri(baseUrl + "/");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root, relative));
        request.Headers.Add("x-functions-key", apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new CallsApiException((int)response.StatusCode, body.Length > 200 ? body[..200] : body);
        }
        // A body that is not this type's JSON throws JsonException, which the command reports as such.
        return JsonSerializer.Deserialize<T>(body, CallsApiJson.Options)
            ?? throw new CallsApiException((int)response.StatusCode, "the API answered null");
    }
}
