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

    /// <summary>Sends the message; a refusal, a failed connection or no answer in time is the result, not an exception.</summary>
    public async Task<AlertDeliveryResult> SendAsync(AlertMessage message, CancellationToken ct)
    {
        if (!IsConfigured)
        {
            return AlertDeliveryResult.NotConfigured;
        }
        var limitSeconds = options.Value.ProbeTimeoutSeconds * 2;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(limitSeconds), time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await http.CreateClient(HealthChecker.HttpClientName)
                .PostAsJsonAsync(options.Value.AlertWebhookUrl, message, Json, limit.Token).ConfigureAwait(false);
            var status = $"HTTP {(int)response.StatusCode}";
            return response.IsSuccessStatusCode
                ? new AlertDeliveryResult(AlertDelivery.Delivered, status)
                : new AlertDeliveryResult(AlertDelivery.Failed, "the webhook answered " + status);
        }
        catch (HttpRequestException e)
        {
            // The error kind, not the message: a connection error's message names the webhook's address.
            return new AlertDeliveryResult(AlertDelivery.Failed, "no answer from the webhook: " + e.HttpRequestError);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AlertDeliveryResult(AlertDelivery.Failed, $"no answer from the webhook within {limitSeconds} s");
        }
    }
}
