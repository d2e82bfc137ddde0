using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.Functions.Health;

/// <summary>POSTs alert and recovery messages as JSON to the configured alert webhook, within twice the probe time limit (timed by <paramref name="time"/>).</summary>
public sealed class AlertSender(IHttpClientFactory http, IOptions<HealthOptions> options, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.AlertWebhookUrl);

    public async Task SendAsync(AlertMessage message, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.ProbeTimeoutSeconds * 2), time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        using var response = await http.CreateClient(HealthChecker.HttpClientName)
            .PostAsJsonAsync(options.Value.AlertWebhookUrl, message, Json, limit.Token).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}
