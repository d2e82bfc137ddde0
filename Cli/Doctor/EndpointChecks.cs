using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using VoiceFunctions.Cli.LiveKit;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Cli.Doctor;

/// <summary>Checks 8 and 9: the webhook URL accepts a signed test event, and the MediaHost answers /health.</summary>
public static class EndpointChecks
{
    public const string WebhookName = "webhook";
    public const string MediaHostName = "mediahost health";

    /// <summary>
    /// Posts a webhook exactly as livekit-server would (application/webhook+json, bare JWT with the body's
    /// sha256). The event is room_finished for a room that never existed, which an idempotent handler ignores.
    /// </summary>
    public static async Task<DoctorCheck> WebhookAsync(CliContext context, HttpClient http, string url, LiveKitTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var time = context.Time;
        var now = context.Time.GetUtcNow();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var body = Encoding.UTF8.GetBytes(
            $$"""{"event":"room_finished","room":{"sid":"RM_doctor{{id}}","name":"voicectl-doctor-{{id}}"},"id":"EV_doctor{{id}}","createdAt":"{{now.ToUnixTimeSeconds()}}"}""");
        var signature = new WebhookSigner(new LiveKitCredentials(target.ApiKey, target.ApiSecret), context.Time).Sign(body);

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/webhook+json");
        request.Headers.TryAddWithoutValidation("Authorization", signature);
        request.Headers.UserAgent.ParseAdd("LiveKit");

        var started = time.GetTimestamp();
        try
        {
            using var deadline = new CancellationTokenSource(timeout, time);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            using var response = await http.SendAsync(request, attempt.Token);
            var evidence = $"POST {url} with a signed room_finished test event: HTTP {(int)response.StatusCode} in {time.GetElapsedTime(started).TotalMilliseconds:0} ms";
            return (int)response.StatusCode switch
            {
                200 => DoctorCheck.Pass(WebhookName, evidence),
                401 or 403 => DoctorCheck.Fail(WebhookName, evidence,
                    "The control plane refused LiveKit's signature: it verifies with a different API key or secret than voice.yaml's (or its clock is off).",
                    "Give the function app the same LIVEKIT_API_KEY/LIVEKIT_API_SECRET as livekit-server's webhook.api_key."),
                404 => DoctorCheck.Fail(WebhookName, evidence,
                    "Nothing is routed at that path: a wrong URL, or the function is not deployed.",
                    "Use the LiveKitWebhook function's URL (…/api/livekit/webhook) in voice.yaml and livekit-server's webhook.urls."),
                _ => DoctorCheck.Fail(WebhookName, evidence,
                    "The endpoint did not accept the event; LiveKit retries only 5xx and 429, and drops other refusals.",
                    "Check the function app's log for this request."),
            };
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            var timedOut = e is OperationCanceledException;
            return DoctorCheck.Fail(WebhookName,
                timedOut ? $"POST {url}: no answer within {timeout.TotalSeconds:0.#} s" : $"POST {url}: {e.Message}",
                timedOut
                    ? "The endpoint is too slow: LiveKit drops events that wait more than 30 s in its queue, so calls would miss their events."
                    : "The webhook URL cannot be reached from here; if livekit-server cannot reach it either, no call ever starts an orchestration.",
                "Check the URL and that the function app is running and reachable from livekit-server.");
        }
    }

    /// <summary>The MediaHost's /health: 200 "ok" when running; 503 with "draining" or "starting" is a state, not a fault.</summary>
    public static async Task<DoctorCheck> MediaHostAsync(TimeProvider time, HttpClient http, string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            using var deadline = new CancellationTokenSource(timeout, time);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            using var response = await http.GetAsync(url, attempt.Token);
            var body = await response.Content.ReadAsStringAsync(attempt.Token);
            var evidence = $"GET {url}: HTTP {(int)response.StatusCode} in {time.GetElapsedTime(started).TotalMilliseconds:0} ms";
            var state = MediaHostHealth.Read(body);
            if (state is not null)
            {
                evidence += $"; {state}";
            }
            return (response.IsSuccessStatusCode, state?.Status) switch
            {
                (true, _) => DoctorCheck.Pass(MediaHostName, evidence),
                (false, "draining") => DoctorCheck.Warn(MediaHostName, evidence,
                    "The MediaHost is draining (stopping or being replaced): calls in progress finish, new INVITEs get 503 and agent dispatch to it fails.",
                    "Wait for the replacement instance, or start the MediaHost again; behind Kamailio, calls go to the other MediaHosts meanwhile."),
                (false, "starting") => DoctorCheck.Warn(MediaHostName, evidence,
                    "The MediaHost is still starting: SIP is not up yet.", "Wait a few seconds and run doctor again; if it stays, read its log."),
                _ => DoctorCheck.Fail(MediaHostName, evidence, "The MediaHost reports itself unhealthy (or the path is wrong).", "Read the MediaHost's /health body and log."),
            };
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return DoctorCheck.Fail(MediaHostName, e is OperationCanceledException ? $"GET {url}: no answer within {timeout.TotalSeconds:0.#} s" : $"GET {url}: {e.Message}",
                "The MediaHost is down or unreachable: agent dispatch will fail and callers reach no agent.",
                "Start the MediaHost and check media_host.health_url.");
        }
    }
}
