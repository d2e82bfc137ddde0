using System.Net.Http.Headers;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.Shared.MediaHosts;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>Posts signed MediaHost call events (answered, hangup) and heartbeats to a control plane over HTTP, as the MediaHost does.</summary>
public sealed class AgentEventPoster(HttpClient http, LiveKitCredentials key)
{
    public Task<HttpResponseMessage> AnsweredAsync(string callId, string caller = "+15552223333", string called = "+15550001111") =>
        PostAsync(new AgentEventMessage
        {
            Id = "mh-" + Guid.NewGuid().ToString("N"), CallId = callId, Type = AgentEventType.Answered,
            OccurredAt = DateTimeOffset.UtcNow, Caller = caller, Called = called,
        });

    public Task<HttpResponseMessage> HangupAsync(string callId, CallEndReason reason) =>
        PostAsync(new AgentEventMessage
        {
            Id = "mh-" + Guid.NewGuid().ToString("N"), CallId = callId, Type = AgentEventType.Hangup,
            OccurredAt = DateTimeOffset.UtcNow, EndReason = reason,
        });

    public Task<HttpResponseMessage> PostAsync(AgentEventMessage message) =>
        PostAsync($"/api/calls/{Uri.EscapeDataString(message.CallId)}/events", AgentEventParser.Serialize(message));

    /// <summary>A MediaHost's heartbeat, signed with the same key.</summary>
    public Task<HttpResponseMessage> HeartbeatAsync(MediaHostHeartbeat heartbeat, string? routeHostId = null) =>
        PostAsync($"/api/mediahosts/{Uri.EscapeDataString(routeHostId ?? heartbeat.HostId)}/heartbeat", MediaHostHeartbeatParser.Serialize(heartbeat));

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new WebhookSigner(key, TimeProvider.System).Sign(body));
        return await http.SendAsync(request);
    }
}
