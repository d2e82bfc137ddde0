using System.Net.Http.Json;
using System.Text.Json;

namespace VoiceFunctions.Cli.Alerts;

/// <summary>
/// Posts a test alert in the control plane's own alert JSON (kind, summary, at, outageSince, components; see
/// Functions/Health/AlertMessage) with kind "test", so whatever formats real alerts formats this one too.
/// Delivered means the channel answered 2xx.
/// </summary>
public sealed class AlertTestSender(HttpClient http, TimeProvider time)
{
    public async Task<AlertTestResult> SendAsync(AlertChannel channel, string note, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var message = new
        {
            kind = "test",
            summary = "Test alert from voicectl alerts test: " + note,
            at = time.GetUtcNow(),
            outageSince = (DateTimeOffset?)null,
            components = Array.Empty<object>(),
        };
        var started = time.GetTimestamp();
        try
        {
            using var deadline = new CancellationTokenSource(timeout, time);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            using var response = await http.PostAsJsonAsync(channel.Url, message, new JsonSerializerOptions(JsonSerializerDefaults.Web), limit.Token);
            var status = (int)response.StatusCode;
            return new AlertTestResult(response.IsSuccessStatusCode, channel.Display, channel.Source, status, time.GetElapsedTime(started).TotalMilliseconds,
                response.IsSuccessStatusCode ? null : $"the channel answered HTTP {status} {response.ReasonPhrase}");
        }
        catch (HttpRequestException e)
        {
            return new AlertTestResult(false, channel.Display, channel.Source, null, time.GetElapsedTime(started).TotalMilliseconds, $"cannot reach the channel: {e.HttpRequestError}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AlertTestResult(false, channel.Display, channel.Source, null, time.GetElapsedTime(started).TotalMilliseconds, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
    }
}
