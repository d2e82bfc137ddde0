using System.Diagnostics;
using System.Net.Http.Headers;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Benchmarks.ControlPlane;

/// <summary>Sends one call's ten signed webhooks in order and says when its ending webhook (the caller leaving) was sent.</summary>
internal static class CallSender
{
    /// <summary>The position of "participant_left" (the caller hangs up) in <see cref="CallWebhooks.ForCall"/>.</summary>
    private const int CallerLeftIndex = 7;

    /// <returns>The wall-clock time the caller-left webhook was sent: where webhook→finalized is measured from.</returns>
    public static async Task<DateTimeOffset> SendAsync(HttpClient http, WebhookSigner signer, string room, Action<double, int>? record)
    {
        var ended = DateTimeOffset.MinValue;
        var webhooks = CallWebhooks.ForCall(room);
        for (var i = 0; i < webhooks.Count; i++)
        {
            using var content = new ByteArrayContent(webhooks[i]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/webhook+json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/livekit/webhook") { Content = content };
            request.Headers.TryAddWithoutValidation("Authorization", signer.Sign(webhooks[i]));
            if (i == CallerLeftIndex)
            {
                ended = DateTimeOffset.UtcNow;
            }
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            record?.Invoke(Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)response.StatusCode);
        }
        return ended;
    }
}
