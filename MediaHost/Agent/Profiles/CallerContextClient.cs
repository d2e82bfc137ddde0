using System.Text.Json;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.Telephony.Deployment.Agents;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>
/// The caller-context lookup: GET {url}?caller=…&amp;called=…&amp;call_id=… with the profile's headers (values read from
/// their environment variables), bounded by the profile's timeout on the injected clock. Gives the answer as compact
/// JSON (at most <see cref="MaxChars"/> characters), or null when it failed, was too slow or was not JSON — logged by
/// kind only: never the URL's query, a header or the body.
/// </summary>
public sealed class CallerContextClient(HttpClient http, TimeProvider time, ILogger<CallerContextClient> logger, Func<string, string?>? environment = null)
{
    public const string HttpClientName = "VoiceFunctions.Agent.CallerContext";
    public const int MaxChars = 2_000;

    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public async Task<string?> LookUpAsync(CallAgentProfile profile, string callId, CancellationToken cancellationToken)
    {
        if (profile.Settings.CallerContext is not { } lookup)
        {
            return null;
        }
        using var timeout = new CancellationTokenSource(lookup.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Address(lookup.Url, profile));
            foreach (var header in lookup.Headers)
            {
                if (_environment(header.Variable) is { Length: > 0 } value)
                {
                    request.Headers.TryAddWithoutValidation(header.Name, value);
                }
            }
            using var response = await http.SendAsync(request, linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return Failed(profile, callId, $"HTTP {(int)response.StatusCode}");
            }
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            var compact = JsonSerializer.Serialize(json.RootElement);
            return compact.Length <= MaxChars ? compact : Failed(profile, callId, $"the answer is longer than {MaxChars} characters");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failed(profile, callId, $"no answer within {lookup.Timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException e)
        {
            return Failed(profile, callId, "the request failed: " + (e.HttpRequestError.ToString()));
        }
        catch (JsonException)
        {
            return Failed(profile, callId, "the answer is not JSON");
        }
    }

    private static string Address(string url, CallAgentProfile profile)
    {
        var query = $"caller={Uri.EscapeDataString(profile.Variables["caller"])}&called={Uri.EscapeDataString(profile.Variables["called"])}"
            + $"&call_id={Uri.EscapeDataString(profile.Variables["call_id"])}";
        return url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private string? Failed(CallAgentProfile profile, string callId, string why)
    {
        AgentProfilesLog.CallerContextFailed(logger, callId, profile.ProfileId, why);
        return null;
    }
}
