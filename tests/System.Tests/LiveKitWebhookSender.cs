using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// Posts LiveKit-shaped webhooks to the local control plane as a LiveKit server does: the body signed by the official
/// Node SDK (tests/node/livekit-webhooks.mjs: an AccessToken from the API key with the body's SHA-256 claim), sent
/// raw in Authorization (no Bearer) with Content-Type application/webhook+json.
/// </summary>
internal sealed class LiveKitWebhookSender(Uri controlPlane, string apiKey, string apiSecret)
{
    private static int _next;
    private readonly HttpClient _http = new() { BaseAddress = controlPlane };

    /// <summary>Signs and posts one event; returns the control plane's answer status (Started, Raised, ...).</summary>
    public async Task<string> PostAsync(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var signed = await NodeScript.RunAsync("livekit-webhooks.mjs", new JsonObject
        {
            ["op"] = "sign",
            ["apiKey"] = apiKey,
            ["apiSecret"] = apiSecret,
            ["items"] = new JsonArray(new JsonObject { ["bodyBase64"] = Convert.ToBase64String(body) }),
        });
        var authorization = signed.GetProperty("items")[0].GetProperty("authorization").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/livekit/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/webhook+json");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.UserAgent.ParseAdd("LiveKit");
        using var response = await _http.SendAsync(request).DefaultTimeout();
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"webhook {json[..Math.Min(60, json.Length)]}… refused: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("status").GetString()!;
    }

    public static string NewEventId() => "EV_sys" + Interlocked.Increment(ref _next).ToString("D4") + Guid.NewGuid().ToString("N")[..8];

    public static string RoomStarted(string room) =>
        $$$"""{"event":"room_started","room":{"sid":"RM_sys","name":"{{{room}}}","emptyTimeout":300,"departureTimeout":20,"creationTime":"{{{Now()}}}"},"id":"{{{NewEventId()}}}","createdAt":"{{{Now()}}}"}""";

    public static string CallerJoined(string room, string identity, string callerNumber, string trunkNumber) =>
        $$$"""
        {"event":"participant_joined","room":{"sid":"RM_sys","name":"{{{room}}}","numParticipants":1},
         "participant":{"sid":"PA_caller","identity":"{{{identity}}}","name":"Phone {{{callerNumber}}}","state":"ACTIVE","kind":"SIP","joinedAt":"{{{Now()}}}",
           "attributes":{"sip.callID":"SCL_sys1","sip.phoneNumber":"{{{callerNumber}}}","sip.trunkPhoneNumber":"{{{trunkNumber}}}","sip.trunkID":"ST_inbound","sip.callStatus":"active"}},
         "id":"{{{NewEventId()}}}","createdAt":"{{{Now()}}}"}
        """;

    public static string CallerLeft(string room, string identity) =>
        $$$"""{"event":"participant_left","room":{"sid":"RM_sys","name":"{{{room}}}"},"participant":{"sid":"PA_caller","identity":"{{{identity}}}","state":"DISCONNECTED","kind":"SIP","attributes":{"sip.callStatus":"hangup"}},"id":"{{{NewEventId()}}}","createdAt":"{{{Now()}}}"}""";

    public static string RoomFinished(string room) =>
        $$$"""{"event":"room_finished","room":{"sid":"RM_sys","name":"{{{room}}}"},"id":"{{{NewEventId()}}}","createdAt":"{{{Now()}}}"}""";

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
}
